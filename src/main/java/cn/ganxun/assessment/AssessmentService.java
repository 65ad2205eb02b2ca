package cn.ganxun.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * The class's assessment result (R19, R20, R35). Per trainee: the class teacher's total (regular aspects incl. the
 * computed attendance aspect, at most 100, plus bonus items without upper bound), the lecturers', liaison's and
 * classmates' averages; weighted by {@code rater-weights.dmn} — a rater kind without any score for the trainee is
 * left out and the remaining weights are rescaled; graded by {@code grade-thresholds.dmn} (a trainee who did not
 * complete the class — attended share below {@code ganxun.assessment.completion-share} — fails, completed=false);
 * ranked by result (ties share a rank: 1, 1, 3); excellent-trainee candidates are the non-failing trainees whose
 * rank among the non-failing is within ceil(excellent-share × class size) — everybody tied at the cut is included.
 */
@Service
public class AssessmentService {

    private final JdbcClient jdbc;
    private final ScoreService scores;
    private final DecisionService decisions;
    private final RuntimeService runtimeService;
    private final AssessmentProperties properties;

    AssessmentService(JdbcClient jdbc, ScoreService scores, DecisionService decisions, RuntimeService runtimeService,
            AssessmentProperties properties) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
        this.properties = properties;
    }

    /** Starts {@code assessment} for a class that has ended (business key = class number). @return the instance id */
    public String start(long classId) {
        scores.requireClass(classId);
        String classNumber = jdbc.sql("SELECT class_number FROM training_class WHERE id = ?").param(classId)
                .query(String.class).single();
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(AssessmentProcess.KEY)
                .processInstanceBusinessKey(classNumber).count() > 0) {
            throw InvalidInputException.of("classId", "本班考核已在进行中：" + classNumber);
        }
        return runtimeService.startProcessInstanceByKey(AssessmentProcess.KEY, classNumber,
                Map.of(AssessmentProcess.Vars.CLASS_ID, classId)).getId();
    }

    /** R19: the weight of each rater kind, as rater-weights.dmn gives it for the class's type. */
    public Map<RaterKind, BigDecimal> weights(long classId) {
        String classType = jdbc.sql("SELECT class_type FROM training_class WHERE id = ?").param(classId)
                .query(String.class).single();
        DmnDecisionResult result = decisions.evaluateDecisionByKey(AssessmentProcess.DECISION_RATER_WEIGHTS)
                .variables(Variables.createVariables().putValue("classType", classType)).evaluate();
        Map<RaterKind, BigDecimal> weights = new EnumMap<>(RaterKind.class);
        for (Map<String, Object> row : result.getResultList()) {
            RaterKind kind = RaterKind.valueOf((String) row.get("raterKind"));
            weights.putIfAbsent(kind, new BigDecimal(String.valueOf(row.get("weight"))));
        }
        return weights;
    }

    /** R20: the grade for a result, as grade-thresholds.dmn gives it. */
    public Grade grade(BigDecimal result, boolean completed) {
        Object grade = decisions.evaluateDecisionByKey(AssessmentProcess.DECISION_GRADE_THRESHOLDS)
                .variables(Variables.createVariables().putValue("result", result.doubleValue()).putValue("completed", completed))
                .evaluate().getSingleResult().getEntry("grade");
        return Grade.valueOf((String) grade);
    }

    /** Computes (again) every trainee's result, grade, rank and candidacy; a recomputation clears a confirmation. */
    @Transactional
    public List<AssessmentResult> compute(long classId) {
        scores.requireClass(classId);
        List<Trainee> roster = scores.roster(classId);
        Map<Long, ScoreService.Attendance> attendance = scores.attendance(classId);
        Map<Long, BigDecimal[]> teacher = new HashMap<>();
        jdbc.sql("""
                SELECT s.cadre_id,
                       SUM(CASE WHEN i.block <> 'BONUS' THEN s.points ELSE 0 END) AS regular,
                       SUM(CASE WHEN i.block = 'BONUS' THEN s.points ELSE 0 END) AS bonus
                  FROM score s JOIN scoring_item i ON i.class_id = s.class_id AND i.code = s.item
                 WHERE s.class_id = ? AND s.rater_kind = 'CLASS_TEACHER'
                 GROUP BY s.cadre_id""")
                .param(classId)
                .query(rs -> {
                    teacher.put(rs.getLong("cadre_id"), new BigDecimal[] {rs.getBigDecimal("regular"), rs.getBigDecimal("bonus")});
                });
        Map<Long, Map<RaterKind, BigDecimal>> averages = new HashMap<>();
        jdbc.sql("""
                SELECT cadre_id, rater_kind, AVG(points) AS average FROM score
                 WHERE class_id = ? AND rater_kind <> 'CLASS_TEACHER'
                 GROUP BY cadre_id, rater_kind""")
                .param(classId)
                .query(rs -> {
                    averages.computeIfAbsent(rs.getLong("cadre_id"), k -> new EnumMap<>(RaterKind.class))
                            .put(RaterKind.valueOf(rs.getString("rater_kind")),
                                    rs.getBigDecimal("average").setScale(2, RoundingMode.HALF_UP));
                });
        Map<RaterKind, BigDecimal> weights = weights(classId);

        List<Computed> computed = new ArrayList<>();
        for (Trainee t : roster) {
            ScoreService.Attendance a = attendance.get(t.cadreId());
            Map<RaterKind, BigDecimal> parts = new EnumMap<>(RaterKind.class);
            parts.putAll(averages.getOrDefault(t.cadreId(), Map.of()));
            BigDecimal[] tv = teacher.get(t.cadreId());
            if (tv != null) {
                BigDecimal regular = tv[0].add(a.points() == null ? BigDecimal.ZERO : a.points()).min(ScoringScheme.REGULAR_TOTAL);
                parts.put(RaterKind.CLASS_TEACHER, regular.add(tv[1]).setScale(2, RoundingMode.HALF_UP));
            }
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weightSum = BigDecimal.ZERO;
            for (Map.Entry<RaterKind, BigDecimal> part : parts.entrySet()) {
                BigDecimal w = weights.getOrDefault(part.getKey(), BigDecimal.ZERO);
                weighted = weighted.add(w.multiply(part.getValue()));
                weightSum = weightSum.add(w);
            }
            BigDecimal result = weightSum.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                    : weighted.divide(weightSum, 2, RoundingMode.HALF_UP);
            computed.add(new Computed(t, a, parts, result, grade(result, a.completed())));
        }
        computed.sort(Comparator.comparing(Computed::result).reversed().thenComparing(c -> c.trainee().cadreNumber()));
        Map<Long, Integer> ranks = ranks(computed);
        List<Computed> eligible = computed.stream().filter(c -> c.completed() && c.grade() != Grade.FAIL).toList();
        Map<Long, Integer> eligibleRanks = ranks(eligible);
        int cut = properties.excellentShare().multiply(BigDecimal.valueOf(roster.size())).setScale(0, RoundingMode.CEILING)
                .intValue();

        jdbc.sql("DELETE FROM assessment_result WHERE class_id = ?").param(classId).update();
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        for (Computed c : computed) {
            long id = c.trainee().cadreId();
            boolean candidate = eligibleRanks.containsKey(id) && eligibleRanks.get(id) <= cut;
            jdbc.sql("""
                    INSERT INTO assessment_result (class_id, cadre_id, result, grade, class_rank, excellent_candidate, completed,
                            attendance_points, teacher_total, lecturer_average, liaison_average, peer_average, computed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(classId, id, c.result(), c.grade().name(), ranks.get(id), candidate, c.completed(),
                            c.attendance().points(), c.parts().get(RaterKind.CLASS_TEACHER), c.parts().get(RaterKind.LECTURER),
                            c.parts().get(RaterKind.LIAISON), c.parts().get(RaterKind.PEER), now)
                    .update();
        }
        return results(classId);
    }

    /** Competition ranking over a list sorted by result, descending: equal results share a rank (1, 1, 3). */
    private static Map<Long, Integer> ranks(List<Computed> sorted) {
        Map<Long, Integer> ranks = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            int rank = i > 0 && sorted.get(i).result().compareTo(sorted.get(i - 1).result()) == 0
                    ? ranks.get(sorted.get(i - 1).trainee().cadreId()) : i + 1;
            ranks.put(sorted.get(i).trainee().cadreId(), rank);
        }
        return ranks;
    }

    private record Computed(Trainee trainee, ScoreService.Attendance attendance, Map<RaterKind, BigDecimal> parts,
            BigDecimal result, Grade grade) {

        boolean completed() {
            return attendance.completed();
        }
    }

    /** The stored results by rank, then cadre number. */
    public List<AssessmentResult> results(long classId) {
        return jdbc.sql("""
                SELECT r.cadre_id, c.cadre_number, c.name, r.attendance_points, r.teacher_total, r.lecturer_average,
                       r.liaison_average, r.peer_average, r.result, r.grade, r.class_rank, r.completed,
                       r.excellent_candidate, r.confirmed_by
                  FROM assessment_result r JOIN cadre c ON c.id = r.cadre_id
                 WHERE r.class_id = ? ORDER BY r.class_rank, c.cadre_number""")
                .param(classId)
                .query((rs, n) -> new AssessmentResult(rs.getLong("cadre_id"), rs.getString("cadre_number"), rs.getString("name"),
                        rs.getBigDecimal("attendance_points"), rs.getBigDecimal("teacher_total"),
                        rs.getBigDecimal("lecturer_average"), rs.getBigDecimal("liaison_average"),
                        rs.getBigDecimal("peer_average"), rs.getBigDecimal("result"), Grade.valueOf(rs.getString("grade")),
                        rs.getInt("class_rank"), rs.getBoolean("completed"), rs.getBoolean("excellent_candidate"),
                        rs.getString("confirmed_by")))
                .list();
    }

    /** The organiser's review table (Markdown) with the weights and the raters a correction may name. */
    public String resultsMarkdown(long classId) {
        Map<RaterKind, BigDecimal> weights = weights(classId);
        StringBuilder md = new StringBuilder("**考核结果**（权重：");
        List<String> w = new ArrayList<>();
        weights.forEach((k, v) -> w.add(k.label() + " " + ScoreService.plain(v)));
        md.append(String.join("，", w)).append("；优秀学员候选为前 ")
                .append(ScoreService.plain(properties.excellentShare().multiply(BigDecimal.valueOf(100))))
                .append("%（向上取整、并列均入选、不含不合格）)\n\n")
                .append("| 排名 | 干部编号 | 姓名 | 出勤分 | 班主任 | 授课教师 | 联络员 | 同学互评 | 综合成绩 | 等次 | 结业 | 优秀学员候选 |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (AssessmentResult r : results(classId)) {
            md.append("| ").append(r.rank()).append(" | ").append(r.cadreNumber()).append(" | ").append(r.name()).append(" | ")
                    .append(num(r.attendancePoints())).append(" | ").append(num(r.teacherTotal())).append(" | ")
                    .append(num(r.lecturerAverage())).append(" | ").append(num(r.liaisonAverage())).append(" | ")
                    .append(num(r.peerAverage())).append(" | **").append(num(r.result())).append("** | ")
                    .append(r.grade().label()).append(" | ").append(r.completed() ? "是" : "否（未完成）").append(" | ")
                    .append(r.excellentCandidate() ? "★" : "").append(" |\n");
        }
        md.append("\n评分人：");
        List<String> raters = jdbc.sql("""
                SELECT DISTINCT rater_kind, rater FROM score WHERE class_id = ? AND rater_kind IN ('CLASS_TEACHER', 'LECTURER', 'LIAISON')
                 ORDER BY rater_kind, rater""")
                .param(classId).query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list();
        md.append(raters.isEmpty() ? "无" : String.join("、", raters)).append("；同学互评写 PEER:评分同学的干部编号。")
                .append("评分项：班主任为本班评分方案代码（出勤由考勤计算，不可更正），授课教师 KNOWLEDGE、APPLICATION，")
                .append("联络员 POLITICAL_QUALITY、TEAMWORK，同学互评 OVERALL。\n");
        return md.toString();
    }

    /**
     * Corrects one recorded score with a reason (kept in {@code score_correction}: old and new points, who, when)
     * and recomputes the class's results.
     */
    @Transactional
    public void correct(long classId, Correction correction, String actor) {
        apply(classId, correction, actor, "correction", "");
        compute(classId);
    }

    /** Parses the review form's lines "干部编号，评分人类型[:评分人]，评分项，新分值，理由", applies all or none, recomputes. */
    @Transactional
    public int correctSheet(long classId, String text, String actor, String variable) {
        List<ScoreSheet.Line> lines = ScoreSheet.lines(text, 5);
        List<Problem> problems = new ArrayList<>();
        List<Correction> corrections = new ArrayList<>();
        for (ScoreSheet.Line line : lines) {
            String where = "第 " + line.number() + " 行：";
            if (line.fields().size() != 5) {
                problems.add(new Problem(variable, where + "应为“干部编号，评分人类型，评分项，新分值，理由”"));
                continue;
            }
            String[] kindAndRater = line.fields().get(1).split("[:：]", 2);
            RaterKind kind = RaterKind.parse(kindAndRater[0]);
            if (kind == null) {
                problems.add(new Problem(variable, where + "评分人类型无效：" + line.fields().get(1)
                        + "（CLASS_TEACHER、LECTURER、LIAISON 或 PEER，可加“:评分人”）"));
                continue;
            }
            BigDecimal points = ScoreSheet.points(line.fields().get(3), where, "新分值", problems, variable);
            corrections.add(new Correction(line.fields().get(0), kind, kindAndRater.length > 1 ? kindAndRater[1].strip() : null,
                    line.fields().get(2), points, line.fields().get(4)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (corrections.isEmpty()) {
            throw InvalidInputException.of(variable, "请填写更正内容：每行“干部编号，评分人类型，评分项，新分值，理由”");
        }
        for (int i = 0; i < corrections.size(); i++) {
            apply(classId, corrections.get(i), actor, variable, "第 " + lines.get(i).number() + " 行：");
        }
        compute(classId);
        return corrections.size();
    }

    private void apply(long classId, Correction c, String actor, String variable, String where) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Trainee> roster = scores.rosterByNumber(classId);
        Trainee trainee = roster.get(c.cadreNumber() == null ? "" : c.cadreNumber().strip());
        if (trainee == null) {
            throw InvalidInputException.of(variable, where + "干部 " + c.cadreNumber() + " 不在本班学员名单中");
        }
        if (c.raterKind() == null) {
            throw InvalidInputException.of(variable, where + "请指明评分人类型");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            problems.add(new Problem(variable, where + "更正须填写理由"));
        } else if (c.reason().length() > 1000) {
            problems.add(new Problem(variable, where + "理由不超过1000字"));
        }
        String item = c.item() == null ? "" : c.item().strip();
        List<ScoringItem> columns = scores.columns(classId, c.raterKind());
        ScoringItem scoring = columns.stream().filter(i -> i.code().equals(item) || i.name().equals(item)).findFirst()
                .orElse(null);
        if (scoring == null) {
            String message = ScoringScheme.ATTENDANCE.equals(item) || "出勤".equals(item)
                    ? "出勤分由考勤计算，请更正考勤记录" : "评分项不存在：" + item;
            throw InvalidInputException.of(variable, where + message);
        }
        if (c.newPoints() == null || !ScoreService.inRange(c.newPoints(), scoring.maxPoints())) {
            problems.add(new Problem(variable, where + scoring.name() + " 新分值 " + (c.newPoints() == null ? "空"
                    : ScoreService.plain(c.newPoints())) + " 超出范围（0–" + ScoreService.plain(scoring.maxPoints()) + "）"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String rater = c.rater();
        if (rater != null && !rater.isBlank() && c.raterKind() == RaterKind.PEER) {
            Trainee peer = roster.get(rater.strip());
            rater = peer == null ? rater : String.valueOf(peer.cadreId());
        }
        boolean namedRater = rater != null && !rater.isBlank();
        List<Object> params = new ArrayList<>(List.of(classId, trainee.cadreId(), c.raterKind().name(), scoring.code()));
        if (namedRater) {
            params.add(rater.strip());
        }
        List<Map<String, Object>> rows = jdbc.sql("SELECT id, points FROM score WHERE class_id = ? AND cadre_id = ? "
                        + "AND rater_kind = ? AND item = ?" + (namedRater ? " AND rater = ?" : ""))
                .params(params).query().listOfRows();
        if (rows.isEmpty()) {
            throw InvalidInputException.of(variable, where + "未找到 " + trainee.cadreNumber() + " 的" + c.raterKind().label()
                    + scoring.name() + "评分" + (rater == null || rater.isBlank() ? "" : "（评分人 " + c.rater() + "）"));
        }
        if (rows.size() > 1) {
            throw InvalidInputException.of(variable, where + trainee.cadreNumber() + " 的" + c.raterKind().label()
                    + "评分有多位评分人，请写明，如 " + c.raterKind().name() + ":评分人");
        }
        long scoreId = ((Number) rows.get(0).get("id")).longValue();
        BigDecimal old = new BigDecimal(String.valueOf(rows.get(0).get("points")));
        BigDecimal points = c.newPoints().setScale(1, RoundingMode.HALF_UP);
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        jdbc.sql("""
                INSERT INTO score_correction (score_id, old_points, new_points, reason, corrected_by, corrected_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(scoreId, old, points, c.reason().strip(), actor, now).update();
        jdbc.sql("UPDATE score SET points = ?, recorded_at = ? WHERE id = ?").params(points, now, scoreId).update();
    }

    /** The organiser confirms the results: each result and the trainee's enrollment get the grade. */
    @Transactional
    public void confirm(long classId, String actor) {
        if (results(classId).isEmpty()) {
            throw InvalidInputException.of("classId", "本班尚无考核结果，无法确认");
        }
        jdbc.sql("UPDATE assessment_result SET confirmed_by = ?, confirmed_at = ? WHERE class_id = ?")
                .params(actor, Timestamp.valueOf(EngineClock.now()), classId).update();
        jdbc.sql("""
                UPDATE enrollment SET grade = (SELECT r.grade FROM assessment_result r
                                                WHERE r.class_id = enrollment.class_id AND r.cadre_id = enrollment.cadre_id)
                 WHERE class_id = ? AND status = 'ENROLLED'""")
                .param(classId).update();
    }

    private static String num(BigDecimal value) {
        return value == null ? "—" : ScoreService.plain(value);
    }
}
