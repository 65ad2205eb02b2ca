package cn.ganxun.assessment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.platform.NotFoundException;

/**
 * Scores of the multi-rater assessment (R18, R19, R25): the class's 4+1 scheme, the class teacher's scores on it,
 * lecturers' and the liaison's scores (0–100), classmates' democratic ratings (0–100) and self-evaluations. Every
 * submission is checked as a whole (item range, roster, oneself, duplicates) and written all or nothing.
 * The attendance aspect is not typed: it is computed from the attendance marks ({@link #attendance}).
 */
@Service
@EnableConfigurationProperties(AssessmentProperties.class)
public class ScoreService {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final Map<String, String> FIXED_ITEM_NAMES = Map.of("KNOWLEDGE", "知识掌握", "APPLICATION", "运用能力",
            "POLITICAL_QUALITY", "政治素质", "TEAMWORK", "团队协作", RaterKind.PEER_ITEM, "综合评价");

    private final JdbcClient jdbc;
    private final AssessmentProperties properties;

    ScoreService(JdbcClient jdbc, AssessmentProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    // ---- the 4+1 scheme --------------------------------------------------------------------------------

    /** The class's scheme in line order; empty before it is configured or copied. */
    public List<ScoringItem> scheme(long classId) {
        return jdbc.sql("SELECT block, code, name, max_points FROM scoring_item WHERE class_id = ? ORDER BY line_no")
                .param(classId)
                .query((rs, n) -> new ScoringItem(rs.getString("block"), rs.getString("code"), rs.getString("name"),
                        rs.getBigDecimal("max_points")))
                .list();
    }

    /** Configures the class's own scheme (R18) before any score is recorded; replaces an earlier configuration. */
    @Transactional
    public void configureScheme(long classId, List<ScoringItem> items) {
        requireClass(classId);
        ScoringScheme.validate(items);
        long scores = jdbc.sql("SELECT COUNT(*) FROM score WHERE class_id = ?").param(classId).query(Long.class).single();
        if (scores > 0) {
            throw InvalidInputException.rule("R18", "items", "本班已开始评分，评分方案不能再修改");
        }
        jdbc.sql("DELETE FROM scoring_item WHERE class_id = ?").param(classId).update();
        insertScheme(classId, items);
    }

    /** Copies the default scheme to the class unless it has one. @return whether it was copied */
    @Transactional
    public boolean prepareScheme(long classId) {
        requireClass(classId);
        if (!scheme(classId).isEmpty()) {
            return false;
        }
        insertScheme(classId, ScoringScheme.defaultItems());
        return true;
    }

    private void insertScheme(long classId, List<ScoringItem> items) {
        int line = 0;
        for (ScoringItem item : items) {
            jdbc.sql("INSERT INTO scoring_item (class_id, block, code, name, max_points, line_no) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(classId, item.block(), item.code(), item.name().strip(), item.maxPoints(), ++line)
                    .update();
        }
    }

    // ---- roster and columns ----------------------------------------------------------------------------

    /** The roster: enrollments with status ENROLLED, by cadre number. */
    public List<Trainee> roster(long classId) {
        return jdbc.sql("""
                SELECT c.id, c.cadre_number, c.name FROM enrollment e JOIN cadre c ON c.id = e.cadre_id
                 WHERE e.class_id = ? AND e.status = 'ENROLLED' ORDER BY c.cadre_number""")
                .param(classId)
                .query((rs, n) -> new Trainee(rs.getLong("id"), rs.getString("cadre_number"), rs.getString("name")))
                .list();
    }

    /** The typed columns of a rater kind: the class teacher's scheme items except attendance, else the fixed items. */
    public List<ScoringItem> columns(long classId, RaterKind kind) {
        if (kind == RaterKind.CLASS_TEACHER) {
            List<ScoringItem> scheme = scheme(classId);
            if (scheme.isEmpty()) {
                throw InvalidInputException.rule("R18", "classId", "本班尚未设置评分方案");
            }
            return scheme.stream().filter(i -> !i.computed()).toList();
        }
        return kind.fixedItems().stream()
                .map(code -> new ScoringItem(kind.name(), code, FIXED_ITEM_NAMES.get(code), HUNDRED)).toList();
    }

    /** The Markdown a score-entry form shows: the columns in order and the trainees to score. */
    public String scoreSheetInfo(long classId, RaterKind kind, Long exceptCadreId) {
        List<ScoringItem> columns = columns(classId, kind);
        StringBuilder md = new StringBuilder();
        md.append("**每行一名学员：干部编号，").append(columns.stream().map(ScoringItem::name).collect(Collectors.joining("，")))
                .append("**\n\n| 列 | 评分项 | 模块 | 分值范围 |\n|---|---|---|---|\n");
        int col = 1;
        for (ScoringItem item : columns) {
            md.append("| ").append(++col).append(" | ").append(item.name()).append("（").append(item.code()).append("） | ")
                    .append(ScoringScheme.BLOCK_NAMES.getOrDefault(item.block(), kind.label())).append(" | 0–")
                    .append(item.maxPoints().stripTrailingZeros().toPlainString()).append(" |\n");
        }
        if (kind == RaterKind.CLASS_TEACHER) {
            scheme(classId).stream().filter(ScoringItem::computed).findFirst().ifPresent(a -> md.append("\n出勤（")
                    .append(a.maxPoints().stripTrailingZeros().toPlainString()).append(" 分）由考勤自动计算：每次缺勤扣 ")
                    .append(plain(properties.absenceDeduction())).append(" 分，每次迟到扣 ").append(plain(properties.lateDeduction()))
                    .append(" 分，每次请假扣 ").append(plain(properties.leaveDeduction())).append(" 分，扣完为止。\n"));
        }
        md.append("\n| 干部编号 | 姓名 |\n|---|---|\n");
        for (Trainee t : roster(classId)) {
            if (exceptCadreId == null || t.cadreId() != exceptCadreId) {
                md.append("| ").append(t.cadreNumber()).append(" | ").append(t.name()).append(" |\n");
            }
        }
        return md.toString();
    }

    // ---- recording -------------------------------------------------------------------------------------

    /** Parses a textarea ("干部编号，分，分，…" per line in {@link #columns} order) and records it. */
    @Transactional
    public void recordScoreSheet(long classId, RaterKind kind, String rater, String text, String recordedBy, String variable) {
        List<ScoringItem> columns = columns(classId, kind);
        List<Problem> problems = new ArrayList<>();
        List<ScoreLine> lines = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<ScoreSheet.Line> parsed = ScoreSheet.lines(text);
        if (parsed.isEmpty()) {
            throw InvalidInputException.of(variable, "请录入评分：每行一名学员");
        }
        for (ScoreSheet.Line line : parsed) {
            String where = "第 " + line.number() + " 行：";
            if (line.fields().size() != columns.size() + 1) {
                problems.add(new Problem(variable, where + "应为干部编号加 " + columns.size() + " 个分值，实际 "
                        + (line.fields().size() - 1) + " 个"));
                continue;
            }
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                BigDecimal value = ScoreSheet.points(line.fields().get(i + 1), where, columns.get(i).name(), problems, variable);
                if (value != null) {
                    points.put(columns.get(i).code(), value);
                }
            }
            if (points.size() == columns.size()) {
                lines.add(new ScoreLine(line.fields().get(0), points));
                lineNumbers.add(line.number());
            }
        }
        Function<Integer, String> position = i -> "第 " + lineNumbers.get(i) + " 行：";
        if (!problems.isEmpty()) {
            // name the roster problems of the well-formed lines too; the transaction is rolled back
            try {
                record(classId, kind, rater, lines, recordedBy, variable, position);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
            throw new InvalidInputException(problems);
        }
        record(classId, kind, rater, lines, recordedBy, variable, position);
    }

    /**
     * Records one rater's scores of every trainee on the roster (class teacher, lecturer or liaison). Refuses
     * (nothing written) unknown items, points outside an item's range, cadres not on the roster, a trainee twice,
     * a trainee missing, and scores the rater (for the class teacher: any class teacher) has already recorded.
     */
    @Transactional
    public void recordScores(long classId, RaterKind kind, String rater, List<ScoreLine> lines, String recordedBy) {
        record(classId, kind, rater, lines, recordedBy, "scores", i -> "第 " + (i + 1) + " 条：");
    }

    private void record(long classId, RaterKind kind, String rater, List<ScoreLine> lines, String recordedBy,
            String variable, Function<Integer, String> position) {
        if (kind == null || kind == RaterKind.PEER) {
            throw InvalidInputException.of("raterKind", "评分人类型无效（同学互评请用互评）");
        }
        if (rater == null || rater.isBlank()) {
            throw InvalidInputException.of("rater", "评分人不能为空");
        }
        requireClass(classId);
        Map<String, ScoringItem> columns = new LinkedHashMap<>();
        columns(classId, kind).forEach(item -> columns.put(item.code(), item));
        Map<String, Trainee> roster = rosterByNumber(classId);
        List<Problem> problems = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            throw InvalidInputException.of(variable, "请录入评分：每名学员一行");
        }
        Set<String> seen = new HashSet<>();
        Set<Long> alreadyScored = new HashSet<>(jdbc.sql("SELECT DISTINCT cadre_id FROM score WHERE class_id = ? "
                        + "AND rater_kind = ? AND (rater = ? OR rater_kind = 'CLASS_TEACHER')")
                .params(classId, kind.name(), rater).query(Long.class).list());
        for (int i = 0; i < lines.size(); i++) {
            ScoreLine line = lines.get(i);
            String where = position.apply(i);
            String number = line == null || line.cadreNumber() == null ? "" : line.cadreNumber().strip();
            Trainee trainee = roster.get(number);
            if (trainee == null) {
                problems.add(new Problem(variable, where + "干部 " + number + " 不在本班学员名单中"));
                continue;
            }
            if (!seen.add(number)) {
                problems.add(new Problem(variable, where + "重复评分：" + number + " " + trainee.name() + " 已在前面出现"));
                continue;
            }
            if (alreadyScored.contains(trainee.cadreId())) {
                problems.add(new Problem(variable, where + "重复评分：" + kind.label() + "已为 " + number + " "
                        + trainee.name() + " 评分（更正请在审核时填写理由）"));
                continue;
            }
            Map<String, BigDecimal> points = line.points() == null ? Map.of() : line.points();
            for (String code : points.keySet()) {
                if (!columns.containsKey(code)) {
                    problems.add(new Problem(variable, where + "评分项不存在或不可录入：" + code));
                }
            }
            for (ScoringItem item : columns.values()) {
                BigDecimal value = points.get(item.code());
                if (value == null) {
                    problems.add(new Problem(variable, where + number + " 缺少" + item.name() + "分"));
                } else if (!inRange(value, item.maxPoints())) {
                    problems.add(new Problem(variable, where + number + " " + item.name() + " " + plain(value)
                            + " 分超出范围（0–" + plain(item.maxPoints()) + "）"));
                }
            }
        }
        roster.values().stream().filter(t -> !seen.contains(t.cadreNumber()) && !alreadyScored.contains(t.cadreId()))
                .forEach(t -> problems.add(new Problem(variable, "缺少学员 " + t.cadreNumber() + " " + t.name() + " 的评分")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        for (ScoreLine line : lines) {
            long cadreId = roster.get(line.cadreNumber().strip()).cadreId();
            for (ScoringItem item : columns.values()) {
                insertScore(classId, cadreId, kind, rater, item.code(), line.points().get(item.code()), recordedBy, now);
            }
        }
    }

    /**
     * Records one trainee's democratic ratings of every classmate (0–100). Refuses (nothing written) a rater or ratee
     * not on the roster, a rating of oneself, a classmate rated twice or already rated, a classmate missing.
     */
    @Transactional
    public void recordPeerRatings(long classId, long raterCadreId, Map<String, BigDecimal> ratings, String recordedBy) {
        List<Map.Entry<String, BigDecimal>> entries = ratings == null ? List.of() : List.copyOf(ratings.entrySet());
        peer(classId, raterCadreId, entries, recordedBy, "ratings", i -> "第 " + (i + 1) + " 条：");
    }

    /** Parses "干部编号，分" lines and records them as {@link #recordPeerRatings}. */
    @Transactional
    public void recordPeerRatingSheet(long classId, long raterCadreId, String text, String recordedBy, String variable) {
        List<ScoreSheet.Line> parsed = ScoreSheet.lines(text);
        List<Problem> problems = new ArrayList<>();
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (ScoreSheet.Line line : parsed) {
            String where = "第 " + line.number() + " 行：";
            if (line.fields().size() != 2) {
                problems.add(new Problem(variable, where + "应为“干部编号，分”"));
                continue;
            }
            BigDecimal value = ScoreSheet.points(line.fields().get(1), where, "评分", problems, variable);
            if (value != null) {
                entries.add(new java.util.AbstractMap.SimpleEntry<>(line.fields().get(0), value));
                lineNumbers.add(line.number());
            }
        }
        Function<Integer, String> position = i -> "第 " + lineNumbers.get(i) + " 行：";
        if (!problems.isEmpty()) {
            try {
                peer(classId, raterCadreId, entries, recordedBy, variable, position);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
            throw new InvalidInputException(problems);
        }
        peer(classId, raterCadreId, entries, recordedBy, variable, position);
    }

    private void peer(long classId, long raterCadreId, List<Map.Entry<String, BigDecimal>> entries, String recordedBy,
            String variable, Function<Integer, String> position) {
        requireClass(classId);
        Map<String, Trainee> roster = rosterByNumber(classId);
        Trainee rater = roster.values().stream().filter(t -> t.cadreId() == raterCadreId).findFirst()
                .orElseThrow(() -> InvalidInputException.of(variable, "评分人（干部 " + raterCadreId + "）不在本班学员名单中"));
        if (entries.isEmpty()) {
            throw InvalidInputException.of(variable, "请为每位同学评分：每行“干部编号，分”");
        }
        Set<Long> alreadyRated = new HashSet<>(jdbc.sql("SELECT DISTINCT cadre_id FROM score WHERE class_id = ? "
                        + "AND rater_kind = 'PEER' AND rater = ?")
                .params(classId, String.valueOf(raterCadreId)).query(Long.class).list());
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = position.apply(i);
            String number = entries.get(i).getKey() == null ? "" : entries.get(i).getKey().strip();
            BigDecimal value = entries.get(i).getValue();
            Trainee ratee = roster.get(number);
            if (ratee == null) {
                problems.add(new Problem(variable, where + "干部 " + number + " 不在本班学员名单中"));
            } else if (ratee.cadreId() == rater.cadreId()) {
                problems.add(new Problem(variable, where + "不能给自己评分"));
            } else if (!seen.add(number) || alreadyRated.contains(ratee.cadreId())) {
                problems.add(new Problem(variable, where + "重复评分：已为 " + number + " " + ratee.name() + " 评分"));
            } else if (value == null || !inRange(value, HUNDRED)) {
                problems.add(new Problem(variable, where + number + " 评分 " + (value == null ? "空" : plain(value))
                        + " 超出范围（0–100）"));
            }
        }
        roster.values().stream().filter(t -> t.cadreId() != rater.cadreId() && !seen.contains(t.cadreNumber())
                && !alreadyRated.contains(t.cadreId()))
                .forEach(t -> problems.add(new Problem(variable, "缺少对同学 " + t.cadreNumber() + " " + t.name() + " 的评分")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        for (Map.Entry<String, BigDecimal> entry : entries) {
            insertScore(classId, roster.get(entry.getKey().strip()).cadreId(), RaterKind.PEER, String.valueOf(raterCadreId),
                    RaterKind.PEER_ITEM, entry.getValue().setScale(1, java.math.RoundingMode.HALF_UP), recordedBy, now);
        }
    }

    /** R25: the trainee's self-evaluation, once; every part required (at most 4000 characters). */
    @Transactional
    public void writeSelfEvaluation(long classId, long cadreId, SelfEvaluation evaluation, String writtenBy) {
        requireClass(classId);
        if (roster(classId).stream().noneMatch(t -> t.cadreId() == cadreId)) {
            throw InvalidInputException.of("cadreId", "干部 " + cadreId + " 不在本班学员名单中");
        }
        List<Problem> problems = new ArrayList<>();
        SelfEvaluation e = evaluation == null ? new SelfEvaluation(null, null, null) : evaluation;
        text(e.knowledge(), "selfKnowledge", "知识更新", problems);
        text(e.inspiration(), "selfInspiration", "启发收获", problems);
        text(e.newIdeas(), "selfNewIdeas", "新思路新举措", problems);
        if (jdbc.sql("SELECT COUNT(*) FROM self_evaluation WHERE class_id = ? AND cadre_id = ?").params(classId, cadreId)
                .query(Long.class).single() > 0) {
            problems.add(new Problem("selfKnowledge", "R25：该学员已提交自我评价"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                INSERT INTO self_evaluation (class_id, cadre_id, knowledge, inspiration, new_ideas, written_at, written_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(classId, cadreId, e.knowledge().strip(), e.inspiration().strip(), e.newIdeas().strip(),
                        Timestamp.valueOf(EngineClock.now()), writtenBy)
                .update();
    }

    public SelfEvaluation selfEvaluation(long classId, long cadreId) {
        return jdbc.sql("SELECT knowledge, inspiration, new_ideas FROM self_evaluation WHERE class_id = ? AND cadre_id = ?")
                .params(classId, cadreId)
                .query((rs, n) -> new SelfEvaluation(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(null);
    }

    // ---- attendance ------------------------------------------------------------------------------------

    /** Per trainee of the roster: sessions, current ABSENT / LATE / ON_LEAVE marks and the attendance aspect's points. */
    public Map<Long, Attendance> attendance(long classId) {
        BigDecimal max = scheme(classId).stream().filter(ScoringItem::computed).map(ScoringItem::maxPoints).findFirst()
                .orElse(null);
        int sessions = jdbc.sql("SELECT COUNT(*) FROM teaching_session WHERE class_id = ?").param(classId)
                .query(Integer.class).single();
        Map<Long, int[]> marks = new HashMap<>();
        jdbc.sql("""
                SELECT m.cadre_id,
                       SUM(CASE WHEN m.mark = 'ABSENT' THEN 1 ELSE 0 END) AS absent,
                       SUM(CASE WHEN m.mark = 'LATE' THEN 1 ELSE 0 END) AS late,
                       SUM(CASE WHEN m.mark = 'ON_LEAVE' THEN 1 ELSE 0 END) AS on_leave
                  FROM attendance_mark m JOIN teaching_session s ON s.id = m.session_id
                 WHERE s.class_id = ?
                   AND NOT EXISTS (SELECT 1 FROM attendance_mark n
                                    WHERE n.session_id = m.session_id AND n.cadre_id = m.cadre_id
                                      AND (n.recorded_at > m.recorded_at OR (n.recorded_at = m.recorded_at AND n.id > m.id)))
                 GROUP BY m.cadre_id""")
                .param(classId)
                .query(rs -> {
                    marks.put(rs.getLong("cadre_id"), new int[] {rs.getInt("absent"), rs.getInt("late"), rs.getInt("on_leave")});
                });
        Map<Long, Attendance> result = new HashMap<>();
        for (Trainee t : roster(classId)) {
            int[] m = marks.getOrDefault(t.cadreId(), new int[3]);
            BigDecimal points = null;
            if (max != null) {
                points = max.subtract(properties.absenceDeduction().multiply(BigDecimal.valueOf(m[0])))
                        .subtract(properties.lateDeduction().multiply(BigDecimal.valueOf(m[1])))
                        .subtract(properties.leaveDeduction().multiply(BigDecimal.valueOf(m[2])))
                        .max(BigDecimal.ZERO).setScale(1, java.math.RoundingMode.HALF_UP);
            }
            int attended = sessions - m[0] - m[2];
            boolean completed = sessions == 0 || BigDecimal.valueOf(attended)
                    .compareTo(properties.completionShare().multiply(BigDecimal.valueOf(sessions))) >= 0;
            result.put(t.cadreId(), new Attendance(sessions, m[0], m[1], m[2], points, completed));
        }
        return result;
    }

    /** A trainee's attendance over the class's sessions and the attendance aspect's points (null if no such aspect). */
    public record Attendance(int sessions, int absent, int late, int onLeave, BigDecimal points, boolean completed) {
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    Map<String, Trainee> rosterByNumber(long classId) {
        Map<String, Trainee> byNumber = new LinkedHashMap<>();
        roster(classId).forEach(t -> byNumber.put(t.cadreNumber(), t));
        return byNumber;
    }

    void requireClass(long classId) {
        if (jdbc.sql("SELECT COUNT(*) FROM training_class WHERE id = ?").param(classId).query(Long.class).single() == 0) {
            throw new NotFoundException("班次不存在：" + classId);
        }
    }

    private void insertScore(long classId, long cadreId, RaterKind kind, String rater, String item, BigDecimal points,
            String recordedBy, Timestamp now) {
        jdbc.sql("""
                INSERT INTO score (class_id, cadre_id, rater_kind, rater, item, points, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(classId, cadreId, kind.name(), rater, item, points, now, recordedBy)
                .update();
    }

    static boolean inRange(BigDecimal value, BigDecimal max) {
        return value.signum() >= 0 && value.compareTo(max) <= 0;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void text(String value, String field, String label, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "R25：请填写自我评价的“" + label + "”"));
        } else if (value.length() > 4000) {
            problems.add(new Problem(field, "R25：“" + label + "”不超过4000字"));
        }
    }
}
