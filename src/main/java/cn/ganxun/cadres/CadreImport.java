package cn.ganxun.cadres;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.CsvReader;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;

/**
 * Imports R1 basic data from a UTF-8 CSV file with Chinese column headers. Good rows are kept and bad rows are
 * reported with their spreadsheet row number (the header is row 1). Idempotent by cadre number: a row equal to
 * the stored cadre is "unchanged", a changed row updates the cadre, a new cadre number creates a cadre with its
 * HIRE event. Rank and unit changes of an existing cadre are refused: they are promotions and transfers, recorded
 * as life events so the history stays complete.
 */
@Service
class CadreImport {

    private static final String NUMBER = "干部编号";
    private static final String NAME = "姓名";
    private static final String ID_NUMBER = "身份证号";
    private static final String GENDER = "性别";
    private static final String BIRTH_DATE = "出生日期";
    private static final String RANK = "职级";
    private static final String CATEGORY = "类别";
    private static final String EDUCATION = "学历";
    private static final String SPECIALITY = "专业";
    private static final String UNIT_CODE = "单位代码";
    private static final String POST = "职务";
    private static final String PARTY_MEMBER = "是否党员";
    private static final String EMAIL = "电子邮箱";
    private static final String HIRED_ON = "入职日期";
    /** The header row, in the order of R1's columns (the order in a file may differ). */
    static final String HEADER = NUMBER + "," + NAME + "," + ID_NUMBER + "," + GENDER + "," + BIRTH_DATE + "," + RANK
            + "," + CATEGORY + "," + EDUCATION + "," + SPECIALITY + "," + UNIT_CODE + "," + POST + "," + PARTY_MEMBER
            + "," + EMAIL + "," + HIRED_ON;
    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MIN_WORKING_AGE = 16;

    private final CadreRepository cadres;
    private final UnitRepository units;
    private final CadreAccess access;
    private final LifeEvents lifeEvents;

    CadreImport(CadreRepository cadres, UnitRepository units, CadreAccess access, LifeEvents lifeEvents) {
        this.cadres = cadres;
        this.units = units;
        this.access = access;
        this.lifeEvents = lifeEvents;
    }

    record Rejection(int row, String cadreNumber, String reason) {
    }

    record ImportResult(int created, int updated, int unchanged, int rejected, List<Rejection> rejections) {
    }

    @Transactional
    ImportResult importCsv(byte[] content, Actor actor) {
        access.requireRegistrar(actor);
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "请上传干部信息 CSV 文件（表单字段 file）");
        }
        List<List<String>> records = CsvReader.parse(CsvReader.decode(content));
        if (records.isEmpty()) {
            throw InvalidInputException.of("file", "文件为空：第1行须为表头 " + HEADER);
        }
        Map<String, Integer> header = header(records.get(0));
        Map<String, Long> unitIds = units.findAll().stream().collect(Collectors.toMap(Unit::code, Unit::id));
        Map<String, Integer> rowOfNumber = new HashMap<>();
        Map<String, Integer> rowOfIdNumber = new HashMap<>();
        List<CadreProfile> created = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
        for (int i = 1; i < records.size(); i++) {
            int rowNumber = i + 1;
            Row row = new Row(records.get(i), header);
            if (row.isBlank()) {
                continue;
            }
            Optional<CadreProfile> profile = row.profile(unitIds);
            row.requireFirstOccurrence(NUMBER, row.value(NUMBER), rowOfNumber, rowNumber);
            row.requireFirstOccurrence(ID_NUMBER, row.value(ID_NUMBER).toUpperCase(Locale.ROOT), rowOfIdNumber, rowNumber);
            Outcome outcome = row.problems.isEmpty() ? apply(profile.orElseThrow(), row.problems) : Outcome.REJECTED;
            switch (outcome) {
                case CREATED -> created.add(profile.orElseThrow());
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejections.add(new Rejection(rowNumber, row.value(NUMBER), String.join("；", row.problems)));
            }
        }
        Map<String, Long> ids = cadres.insertAll(created);
        lifeEvents.recordHires(created.stream()
                .map(p -> new Cadre(ids.get(p.cadreNumber()), p, CadreStatus.ACTIVE)).toList(), actor.userId(), "导入建档");
        return new ImportResult(created.size(), updated, unchanged, rejections.size(), rejections);
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /** Compares a well-formed row with the registry and updates the stored cadre when the row changes it. */
    private Outcome apply(CadreProfile row, List<String> problems) {
        Optional<String> holder = cadres.numberHoldingIdNumber(row.idNumber());
        if (holder.isPresent() && !holder.get().equals(row.cadreNumber())) {
            problems.add("身份证号已属于干部 " + holder.get());
            return Outcome.REJECTED;
        }
        Optional<Cadre> stored = cadres.findByNumber(row.cadreNumber());
        if (stored.isEmpty()) {
            return Outcome.CREATED;
        }
        Cadre cadre = stored.get();
        if (cadre.profile().equals(row)) {
            return Outcome.UNCHANGED;
        }
        if (!cadre.isActive()) {
            problems.add("干部已退休，其信息不能再通过导入修改");
            return Outcome.REJECTED;
        }
        if (cadre.profile().rank() != row.rank() || cadre.profile().unitId() != row.unitId()) {
            problems.add("职级或单位与登记信息不同：晋升、调动须通过干部变动登记，不能通过导入修改");
            return Outcome.REJECTED;
        }
        cadres.update(new Cadre(cadre.id(), row, cadre.status()));
        return Outcome.UPDATED;
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(names.get(i).strip(), i);
        }
        List<String> missing = COLUMNS.stream().filter(column -> !header.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw InvalidInputException.of("file", "CSV 表头缺少列：" + String.join("、", missing)
                    + "（第1行须为：" + HEADER + "）");
        }
        return header;
    }

    /** One data row: its fields by header, and what is wrong with it. */
    private static final class Row {

        private static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

        private final List<String> fields;
        private final Map<String, Integer> header;
        private final List<String> problems = new ArrayList<>();

        Row(List<String> fields, Map<String, Integer> header) {
            this.fields = fields;
            this.header = header;
        }

        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }

        String value(String column) {
            int index = header.get(column);
            return index < fields.size() ? fields.get(index).strip() : "";
        }

        /** The row as basic data, or empty with the problems noted. */
        Optional<CadreProfile> profile(Map<String, Long> unitIds) {
            String number = required(NUMBER, 32);
            if (!number.isEmpty() && !number.matches("[A-Za-z0-9-]+")) {
                problems.add("干部编号格式错误：只能包含字母、数字和连字符");
            }
            String name = required(NAME, 100);
            String idNumber = required(ID_NUMBER, 18).toUpperCase(Locale.ROOT);
            boolean idNumberValid = !idNumber.isEmpty() && IdNumbers.problem(idNumber).map(problems::add).isEmpty();
            Gender gender = labelled(GENDER, Gender.class, true);
            LocalDate birthDate = date(BIRTH_DATE);
            Rank rank = labelled(RANK, Rank.class, true);
            Category category = labelled(CATEGORY, Category.class, true);
            Education education = labelled(EDUCATION, Education.class, false);
            String speciality = optional(SPECIALITY, 100);
            String unitCode = required(UNIT_CODE, 32);
            Long unitId = unitIds.get(unitCode);
            if (!unitCode.isEmpty() && unitId == null) {
                problems.add("未知单位代码：" + unitCode);
            }
            String post = optional(POST, 200);
            Boolean partyMember = partyMember();
            String email = optional(EMAIL, 200);
            if (email != null && !email.matches(EMAIL_PATTERN)) {
                problems.add("电子邮箱格式错误：" + email);
            }
            LocalDate hiredOn = date(HIRED_ON);
            if (idNumberValid && birthDate != null && !IdNumbers.birthDate(idNumber).orElseThrow().equals(birthDate)) {
                problems.add("出生日期与身份证号不一致");
            }
            if (idNumberValid && gender != null && IdNumbers.gender(idNumber) != gender) {
                problems.add("性别与身份证号不一致");
            }
            if (hiredOn != null && hiredOn.isAfter(LocalDate.now())) {
                problems.add("入职日期不能晚于今天");
            }
            if (hiredOn != null && birthDate != null && hiredOn.isBefore(birthDate.plusYears(MIN_WORKING_AGE))) {
                problems.add("入职日期须在年满" + MIN_WORKING_AGE + "周岁之后");
            }
            if (!problems.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CadreProfile(number, name, idNumber, gender, birthDate, rank, category, education,
                    speciality, unitId, post, partyMember, email, hiredOn));
        }

        /** Refuses a value that an earlier row of the file already used. */
        void requireFirstOccurrence(String column, String value, Map<String, Integer> rowOfValue, int rowNumber) {
            if (value.isEmpty()) {
                return;
            }
            Integer earlier = rowOfValue.putIfAbsent(value, rowNumber);
            if (earlier != null) {
                problems.add(column + "与第" + earlier + "行重复");
            }
        }

        private String required(String column, int maxLength) {
            String value = value(column);
            if (value.isEmpty()) {
                problems.add("缺少" + column);
            }
            return checkLength(column, value, maxLength);
        }

        private String optional(String column, int maxLength) {
            String value = value(column);
            return value.isEmpty() ? null : checkLength(column, value, maxLength);
        }

        private String checkLength(String column, String value, int maxLength) {
            if (value.length() > maxLength) {
                problems.add(column + "不能超过" + maxLength + "个字符");
            }
            return value;
        }

        private <E extends Enum<E> & Labelled> E labelled(String column, Class<E> type, boolean isRequired) {
            String value = value(column);
            if (value.isEmpty()) {
                if (isRequired) {
                    problems.add("缺少" + column);
                }
                return null;
            }
            return Labelled.parse(type, value).orElseGet(() -> {
                problems.add("未知" + column + "：" + value + "（可选：" + Labelled.choices(type) + "）");
                return null;
            });
        }

        private LocalDate date(String column) {
            String value = value(column);
            if (value.isEmpty()) {
                problems.add("缺少" + column);
                return null;
            }
            try {
                return LocalDate.parse(value.replace('/', '-'), DATE);
            } catch (DateTimeParseException e) {
                problems.add(column + "格式错误：" + value + "（应为 yyyy-MM-dd）");
                return null;
            }
        }

        private Boolean partyMember() {
            String value = value(PARTY_MEMBER);
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "是", "true" -> true;
                case "否", "false" -> false;
                default -> {
                    problems.add(value.isEmpty() ? "缺少" + PARTY_MEMBER : PARTY_MEMBER + "须填写“是”或“否”：" + value);
                    yield null;
                }
            };
        }
    }
}
