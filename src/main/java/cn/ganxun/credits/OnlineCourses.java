package cn.ganxun.credits;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.CsvReader;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Records online courses passed (R22: 5–20 credits each) from a JSON list or a CSV file, all or nothing: when any row
 * is wrong — unknown cadre, credits outside 5–20, the course already recorded for the cadre (in the ledger or earlier
 * in the same upload), a date in the future, a missing field — nothing is recorded and every bad row is named. Each
 * row becomes one ledger entry (ONLINE, reference = course code, credit year = the year it was passed). The org
 * department records for every cadre, unit HR for the cadres of their unit and the units below it.
 */
@Service
class OnlineCourses {

    static final String CADRE_NUMBER = "干部编号";
    static final String COURSE_CODE = "课程编号";
    static final String COURSE_TITLE = "课程名称";
    static final String CREDITS = "学分";
    static final String PASSED_ON = "通过日期";
    /** The CSV header (columns may come in any order). */
    static final String HEADER = CADRE_NUMBER + "," + COURSE_CODE + "," + COURSE_TITLE + "," + CREDITS + "," + PASSED_ON;
    static final BigDecimal MIN_CREDITS = BigDecimal.valueOf(5);
    static final BigDecimal MAX_CREDITS = BigDecimal.valueOf(20);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

    private final JdbcClient jdbc;
    private final CreditAccess access;

    OnlineCourses(JdbcClient jdbc, CreditAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Records a JSON list; rows are named 第1条, 第2条, … */
    @Transactional
    public List<CreditEntry> record(List<OnlineCoursePass> passes, Actor actor) {
        access.requireRecorder(actor);
        if (passes == null || passes.isEmpty()) {
            throw InvalidInputException.of("courses", "请提供至少一条网络课程记录（干部编号 cadreNumber、课程编号 courseCode、"
                    + "课程名称 courseTitle、学分 credits、通过日期 passedOn）");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < passes.size(); i++) {
            rows.add(new Row("courses[" + i + "]", "第" + (i + 1) + "条", passes.get(i), new ArrayList<>()));
        }
        return save(rows, actor);
    }

    /** Imports a UTF-8 CSV with the header {@value #HEADER}; rows are named by their line (the header is line 1). */
    @Transactional
    public List<CreditEntry> importCsv(byte[] content, Actor actor) {
        access.requireRecorder(actor);
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "请上传网络课程学分 CSV 文件（表单字段 file）");
        }
        List<List<String>> records = CsvReader.parse(CsvReader.decode(content));
        if (records.isEmpty()) {
            throw InvalidInputException.of("file", "文件为空：第1行须为表头 " + HEADER);
        }
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < records.get(0).size(); i++) {
            header.putIfAbsent(records.get(0).get(i).strip(), i);
        }
        List<String> missing = List.of(HEADER.split(",")).stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw InvalidInputException.of("file", "CSV 表头缺少列：" + String.join("、", missing) + "（第1行须为：" + HEADER + "）");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            String credits = field(fields, header.get(CREDITS));
            String passedOn = field(fields, header.get(PASSED_ON));
            OnlineCoursePass pass = new OnlineCoursePass(field(fields, header.get(CADRE_NUMBER)),
                    field(fields, header.get(COURSE_CODE)), field(fields, header.get(COURSE_TITLE)),
                    decimal(credits, problems), date(passedOn, problems));
            rows.add(new Row("row " + (i + 1), "第" + (i + 1) + "行", pass, problems));
        }
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "文件中没有数据行");
        }
        return save(rows, actor);
    }

    private List<CreditEntry> save(List<Row> rows, Actor actor) {
        Set<String> numbers = new HashSet<>();
        rows.forEach(r -> {
            if (!blank(r.pass().cadreNumber())) {
                numbers.add(r.pass().cadreNumber().strip());
            }
        });
        Map<String, long[]> cadres = new HashMap<>();
        Set<String> recorded = new HashSet<>();
        if (!numbers.isEmpty()) {
            jdbc.sql("SELECT id, cadre_number, unit_id FROM cadre WHERE cadre_number IN (:numbers)")
                    .param("numbers", numbers)
                    .query(rs -> {
                        cadres.put(rs.getString("cadre_number"), new long[] {rs.getLong("id"), rs.getLong("unit_id")});
                    });
            jdbc.sql("""
                    SELECT c.cadre_number, e.source_ref FROM credit_entry e JOIN cadre c ON c.id = e.cadre_id
                     WHERE e.source = 'ONLINE' AND c.cadre_number IN (:numbers)""")
                    .param("numbers", numbers)
                    .query(rs -> {
                        recorded.add(rs.getString("cadre_number") + "\n" + rs.getString("source_ref"));
                    });
        }
        // unit HR: their unit and the units below it; the org department: every unit (empty)
        Set<Long> scope = actor.inGroup(Groups.ORG_DEPT) ? Set.of() : access.visibleUnits(actor);
        LocalDate today = EngineClock.today();
        Map<String, String> firstRowOfCourse = new HashMap<>();
        List<String> outside = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Row row : rows) {
            OnlineCoursePass pass = row.pass();
            List<String> wrong = row.problems();
            String number = pass.cadreNumber() == null ? "" : pass.cadreNumber().strip();
            String code = pass.courseCode() == null ? "" : pass.courseCode().strip();
            long[] cadre = cadres.get(number);
            if (number.isEmpty()) {
                wrong.add("缺少干部编号");
            } else if (cadre == null) {
                wrong.add("未知干部编号：" + number);
            } else if (!scope.isEmpty() && !scope.contains(cadre[1])) {
                outside.add(row.label() + "干部 " + number);
            }
            if (code.isEmpty()) {
                wrong.add("缺少课程编号");
            } else if (code.length() > 64) {
                wrong.add("课程编号不能超过64个字符");
            }
            if (blank(pass.courseTitle())) {
                wrong.add("缺少课程名称");
            } else if (pass.courseTitle().strip().length() > 200) {
                wrong.add("课程名称不能超过200个字符");
            }
            if (pass.credits() == null) {
                if (wrong.stream().noneMatch(p -> p.startsWith("学分"))) {
                    wrong.add("缺少学分");
                }
            } else if (pass.credits().compareTo(MIN_CREDITS) < 0 || pass.credits().compareTo(MAX_CREDITS) > 0) {
                wrong.add("R22：网络课程学分须在5至20之间：" + pass.credits().stripTrailingZeros().toPlainString());
            } else if (pass.credits().stripTrailingZeros().scale() > 1) {
                wrong.add("学分最多一位小数：" + pass.credits().toPlainString());
            }
            if (pass.passedOn() == null) {
                if (wrong.stream().noneMatch(p -> p.startsWith("通过日期"))) {
                    wrong.add("缺少通过日期");
                }
            } else if (pass.passedOn().isAfter(today)) {
                wrong.add("通过日期不能晚于今天：" + pass.passedOn());
            }
            if (!number.isEmpty() && !code.isEmpty()) {
                String key = number + "\n" + code;
                String earlier = firstRowOfCourse.putIfAbsent(key, row.label());
                if (recorded.contains(key)) {
                    wrong.add("干部 " + number + " 的课程 " + code + " 已登记过学分，不能重复登记");
                } else if (earlier != null) {
                    wrong.add("干部 " + number + " 的课程 " + code + " 与" + earlier + "重复");
                }
            }
            wrong.forEach(p -> problems.add(new Problem(row.field(), row.label() + "：" + p)));
        }
        if (!outside.isEmpty()) {
            throw new AccessDeniedException("无权访问：" + String.join("、", outside) + " 不属于本单位，不能为其登记学分");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        List<Long> ids = new ArrayList<>();
        for (Row row : rows) {
            OnlineCoursePass pass = row.pass();
            long cadreId = cadres.get(pass.cadreNumber().strip())[0];
            String code = pass.courseCode().strip();
            String reason = "网络课程「" + pass.courseTitle().strip() + "」（" + code + "）于 " + pass.passedOn() + " 考核通过，计 "
                    + pass.credits().stripTrailingZeros().toPlainString() + " 学分";
            jdbc.sql("""
                    INSERT INTO credit_entry (cadre_id, credit_year, source, source_ref, credits, reason, posted_at,
                                              earned_on, recorded_by)
                    VALUES (?, ?, 'ONLINE', ?, ?, ?, ?, ?, ?)""")
                    .params(cadreId, pass.passedOn().getYear(), code, pass.credits(), reason, now, pass.passedOn(),
                            actor.userId())
                    .update();
            ids.add(jdbc.sql("SELECT id FROM credit_entry WHERE cadre_id = ? AND source = 'ONLINE' AND source_ref = ?")
                    .params(cadreId, code).query(Long.class).single());
        }
        return jdbc.sql(CreditService.ENTRY_COLUMNS + " WHERE id IN (:ids) ORDER BY id").param("ids", ids)
                .query(CreditService::map).list();
    }

    private record Row(String field, String label, OnlineCoursePass pass, List<String> problems) {
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index).strip() : "";
    }

    private static BigDecimal decimal(String value, List<String> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add("学分须为数字：" + value);
            return null;
        }
    }

    private static LocalDate date(String value, List<String> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value.replace('/', '-'), DATE);
        } catch (DateTimeParseException e) {
            problems.add("通过日期格式错误：" + value + "（应为 yyyy-MM-dd）");
            return null;
        }
    }
}
