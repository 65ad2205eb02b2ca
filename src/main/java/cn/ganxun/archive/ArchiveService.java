package cn.ganxun.archive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.archive.TrainingArchive.AbilityMap;
import cn.ganxun.archive.TrainingArchive.ArchiveTraining;
import cn.ganxun.archive.TrainingArchive.CadreSummary;
import cn.ganxun.archive.TrainingArchive.DimensionScore;
import cn.ganxun.archive.TrainingArchive.ReserveClass;
import cn.ganxun.archive.TrainingArchive.ReservePool;
import cn.ganxun.archive.TrainingArchive.YearFigures;
import cn.ganxun.cadres.Rank;
import cn.ganxun.classes.ClassType;
import cn.ganxun.linkage.PromotionService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;

/**
 * The cadre's training archive (一人一档, R3a, R34, R35) and the training sections of the appointment approval form and
 * the annual appraisal form (R3).
 * <p>
 * Ability map (R34): every indicator the cadre was scored on — an assessment score by rater kind and item of a class
 * whose results are confirmed (class-teacher items of the class's 4+1 scheme as a share of the item's maximum × 100;
 * lecturer, liaison and peer items 0–100 as given) and a follow-up indicator logged on a unit visit (0–100,
 * follow-up-indicators.dmn) — has one score: the average of all its observations. {@code ability_mapping} maps an
 * indicator (source, code) onto one or more dimensions with a weight; a dimension's score is the weighted average
 * Σ(weight × indicator score) / Σ weight over its mapped indicators that were scored, rounded to 0.1; with none it has
 * no score. Unmapped indicators (e.g. bonus items) count nowhere.
 */
@Service
@Transactional(readOnly = true)
public class ArchiveService {

    static final List<String> SOURCES = List.of("CLASS_TEACHER", "LECTURER", "LIAISON", "PEER", "FOLLOW_UP");
    static final String METHOD = "每项指标取全部观测的平均分（0–100：班主任评分项按该项满分折算，授课教师、联络员、同学互评和跟踪问效指标按原分）；"
            + "各维度得分 = Σ(权重 × 指标得分) / Σ权重，只计已有评分的映射指标，保留一位小数；无评分的维度不计分。"
            + "映射（指标 → 德、能、勤、绩、廉及权重）由组织部干教科维护（R34）。";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final BigDecimal MAX_WEIGHT = new BigDecimal("9.99");

    private final JdbcClient jdbc;
    private final ArchiveAccess access;
    private final PromotionService promotions;

    ArchiveService(JdbcClient jdbc, ArchiveAccess access, PromotionService promotions) {
        this.jdbc = jdbc;
        this.access = access;
        this.promotions = promotions;
    }

    public TrainingArchive archive(long cadreId, Actor actor) {
        access.requireReader(actor, cadreId);
        List<ArchiveTraining> trainings = trainings(cadreId);
        List<ReserveClass> reserve = trainings.stream().filter(ArchiveTraining::excellentCandidate)
                .map(t -> new ReserveClass(t.classNumber(), t.title(), t.endDate(), t.classRank(), t.grade())).toList();
        return new TrainingArchive(cadre(cadreId), trainings, growth(trainings), abilityMap(cadreId),
                new ReservePool(!reserve.isEmpty(), reserve), promotions.ofCadre(cadreId));
    }

    /** R3: the appointment approval form's training section: off-the-job training of 2 months or more. */
    public byte[] appointmentApprovalPdf(long cadreId, Actor actor) {
        access.requireReader(actor, cadreId);
        return AppraisalFormPdf.appointmentApproval(cadre(cadreId),
                trainings(cadreId).stream().filter(ArchiveTraining::forAppointmentForm).toList(), EngineClock.today());
    }

    /** R3: the annual appraisal form's training section: the off-the-job training that ended in the year. */
    public byte[] annualAppraisalPdf(long cadreId, Integer year, Actor actor) {
        access.requireReader(actor, cadreId);
        if (year == null || year < 1990 || year > 2100) {
            throw InvalidInputException.of("year", "须填写考核年度 year（1990–2100）：" + year);
        }
        return AppraisalFormPdf.annualAppraisal(cadre(cadreId), year, trainings(cadreId).stream()
                .filter(t -> t.forAnnualAppraisal() && t.endDate().getYear() == year).toList(), EngineClock.today());
    }

    public List<AbilityMapping> mapping(Actor actor) {
        access.requireMappingReader(actor);
        return jdbc.sql("SELECT source, code, dimension, weight FROM ability_mapping ORDER BY source, code, dimension")
                .query((rs, n) -> new AbilityMapping(rs.getString(1), rs.getString(2),
                        AbilityDimension.valueOf(rs.getString(3)), rs.getBigDecimal(4)))
                .list();
    }

    /** R34: replaces the whole mapping (org department); every problem is named and nothing is changed on a refusal. */
    @Transactional
    public List<AbilityMapping> replaceMapping(List<AbilityMapping> rows, Actor actor) {
        access.requireOrgDept(actor);
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            problems.add(new InvalidInputException.Problem("mapping", "R34：能力图谱映射不能为空"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                AbilityMapping row = rows.get(i);
                String at = "第" + (i + 1) + "行：";
                if (row == null) {
                    problems.add(new InvalidInputException.Problem("mapping", at + "不能为空"));
                    continue;
                }
                if (!SOURCES.contains(row.source())) {
                    problems.add(new InvalidInputException.Problem("source", at + "来源 source 须为 " + String.join("、", SOURCES)
                            + "：" + row.source()));
                }
                if (row.code() == null || !CODE.matcher(row.code()).matches()) {
                    problems.add(new InvalidInputException.Problem("code", at + "指标代码 code 须为大写字母、数字和下划线（至多40位）：" + row.code()));
                }
                if (row.dimension() == null) {
                    problems.add(new InvalidInputException.Problem("dimension", at + "维度 dimension 须为 MORALITY（德）、ABILITY（能）、"
                            + "DILIGENCE（勤）、PERFORMANCE（绩）或 INTEGRITY（廉）"));
                }
                if (row.weight() == null || row.weight().signum() <= 0 || row.weight().compareTo(MAX_WEIGHT) > 0
                        || row.weight().scale() > 2) {
                    problems.add(new InvalidInputException.Problem("weight", at + "权重 weight 须大于0、不超过9.99、至多两位小数：" + row.weight()));
                }
                if (!seen.add(row.source() + "/" + row.code() + "/" + row.dimension())) {
                    problems.add(new InvalidInputException.Problem("mapping", at + "重复的映射 " + row.source() + " " + row.code()
                            + " → " + row.dimension()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("DELETE FROM ability_mapping").update();
        for (AbilityMapping row : rows) {
            jdbc.sql("INSERT INTO ability_mapping (source, code, dimension, weight) VALUES (?, ?, ?, ?)")
                    .params(row.source(), row.code(), row.dimension().name(), row.weight()).update();
        }
        return mapping(actor);
    }

    private CadreSummary cadre(long cadreId) {
        return jdbc.sql("""
                SELECT c.id, c.cadre_number, c.name, c.rank_level, c.post, u.name AS unit_name, c.status
                  FROM cadre c JOIN unit u ON u.id = c.unit_id WHERE c.id = ?""")
                .param(cadreId)
                .query((rs, n) -> new CadreSummary(rs.getLong("id"), rs.getString("cadre_number"), rs.getString("name"),
                        rs.getString("rank_level"), Rank.valueOf(rs.getString("rank_level")).label(), rs.getString("post"),
                        rs.getString("unit_name"), rs.getString("status")))
                .single();
    }

    /** R3a: every enrollment, newest first, with the confirmed result and the follow-up's final evaluation (R29). */
    private List<ArchiveTraining> trainings(long cadreId) {
        return jdbc.sql("""
                SELECT k.id AS class_id, k.class_number, k.title, i.name AS institution, k.class_type, k.start_date,
                       k.end_date, k.off_job, k.appointment_training, e.status, e.hours, e.credits, e.grade,
                       e.certificate_number, e.for_annual_appraisal, e.for_appointment_form,
                       r.result, r.class_rank, r.excellent_candidate, fe.combined_score, fe.findings
                  FROM enrollment e
                  JOIN training_class k ON k.id = e.class_id
                  JOIN institution i ON i.id = k.institution_id
                  LEFT JOIN assessment_result r ON r.class_id = e.class_id AND r.cadre_id = e.cadre_id
                        AND r.confirmed_at IS NOT NULL
                  LEFT JOIN follow_up f ON f.class_id = e.class_id
                  LEFT JOIN follow_up_evaluation fe ON fe.follow_up_id = f.id AND fe.cadre_id = e.cadre_id
                 WHERE e.cadre_id = ?
                 ORDER BY k.start_date DESC, k.class_number""")
                .param(cadreId).query(ArchiveService::training).list();
    }

    private static ArchiveTraining training(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("class_type");
        return new ArchiveTraining(rs.getLong("class_id"), rs.getString("class_number"), rs.getString("title"),
                rs.getString("institution"), ClassType.valueOf(type).label(), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getBoolean("off_job"),
                ClassType.APPOINTMENT.name().equals(type) || rs.getBoolean("appointment_training"), rs.getString("status"),
                rs.getBigDecimal("hours"), rs.getBigDecimal("credits"), rs.getString("grade"), rs.getBigDecimal("result"),
                rs.getObject("class_rank", Integer.class), rs.getBoolean("excellent_candidate"),
                rs.getString("certificate_number"), rs.getBigDecimal("combined_score"), rs.getString("findings"),
                rs.getBoolean("for_annual_appraisal"), rs.getBoolean("for_appointment_form"));
    }

    /** The growth curve from the finished enrollments (one cadre's, so grouped here), every year from first to last. */
    static List<YearFigures> growth(List<ArchiveTraining> trainings) {
        TreeMap<Integer, List<ArchiveTraining>> byYear = new TreeMap<>();
        trainings.stream().filter(ArchiveTraining::finished)
                .forEach(t -> byYear.computeIfAbsent(t.endDate().getYear(), y -> new ArrayList<>()).add(t));
        List<YearFigures> figures = new ArrayList<>();
        if (byYear.isEmpty()) {
            return figures;
        }
        for (int year = byYear.firstKey(); year <= byYear.lastKey(); year++) {
            List<ArchiveTraining> list = byYear.getOrDefault(year, List.of());
            BigDecimal hours = sum(list.stream().map(ArchiveTraining::hours).toList());
            BigDecimal credits = sum(list.stream().map(ArchiveTraining::credits).toList());
            List<BigDecimal> results = list.stream().map(ArchiveTraining::result).filter(r -> r != null).toList();
            BigDecimal average = results.isEmpty() ? null
                    : sum(results).divide(BigDecimal.valueOf(results.size()), 1, RoundingMode.HALF_UP);
            figures.add(new YearFigures(year, list.size(), hours, credits, average));
        }
        return figures;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(1, RoundingMode.HALF_UP);
    }

    /** R34, set-based: indicator averages joined with the mapping, one row per dimension (see the class comment). */
    private AbilityMap abilityMap(long cadreId) {
        record Row(String dimension, BigDecimal weighted, BigDecimal weights, int indicators, int observations) {
        }
        Map<AbilityDimension, Row> rows = new EnumMap<>(AbilityDimension.class);
        jdbc.sql("""
                SELECT m.dimension, SUM(m.weight * o.score) AS weighted, SUM(m.weight) AS weights,
                       COUNT(*) AS indicators, SUM(o.observations) AS observations
                  FROM ability_mapping m
                  JOIN (SELECT s.rater_kind AS source, s.item AS code,
                               AVG(CASE WHEN s.rater_kind = 'CLASS_TEACHER' THEN s.points * 100 / si.max_points
                                        ELSE s.points END) AS score,
                               COUNT(*) AS observations
                          FROM score s
                          JOIN assessment_result r ON r.class_id = s.class_id AND r.cadre_id = s.cadre_id
                               AND r.confirmed_at IS NOT NULL
                          LEFT JOIN scoring_item si ON si.class_id = s.class_id AND si.code = s.item
                         WHERE s.cadre_id = ? AND (s.rater_kind <> 'CLASS_TEACHER' OR si.max_points > 0)
                         GROUP BY s.rater_kind, s.item
                        UNION ALL
                        SELECT 'FOLLOW_UP' AS source, i.indicator_code AS code, AVG(i.score) AS score, COUNT(*) AS observations
                          FROM indicator_score i
                          JOIN interview iv ON iv.id = i.interview_id
                          JOIN unit_visit v ON v.id = iv.visit_id
                         WHERE v.cadre_id = ?
                         GROUP BY i.indicator_code) o ON o.source = m.source AND o.code = m.code
                 GROUP BY m.dimension""")
                .params(cadreId, cadreId)
                .query((rs, n) -> new Row(rs.getString("dimension"), rs.getBigDecimal("weighted"),
                        rs.getBigDecimal("weights"), rs.getInt("indicators"), rs.getInt("observations")))
                .list().forEach(row -> rows.put(AbilityDimension.valueOf(row.dimension()), row));
        List<DimensionScore> dimensions = new ArrayList<>();
        for (AbilityDimension dimension : AbilityDimension.values()) {
            Row row = rows.get(dimension);
            dimensions.add(row == null
                    ? new DimensionScore(dimension, dimension.label(), null, 0, 0)
                    : new DimensionScore(dimension, dimension.label(),
                            row.weighted().divide(row.weights(), 1, RoundingMode.HALF_UP), row.indicators(),
                            row.observations()));
        }
        return new AbilityMap(dimensions, METHOD);
    }
}
