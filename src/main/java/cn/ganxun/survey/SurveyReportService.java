package cn.ganxun.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Category;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.platform.pdf.ReportPdf;
import cn.ganxun.survey.SurveyReport.Group;
import cn.ganxun.survey.SurveyReport.QuestionResult;

/**
 * R38: the report of a closed survey by unit, level and category (set-based aggregation over the anonymous answers),
 * on screen and as a Chinese PDF kept in the needs archive ({@code needs_archive}), reviewed by the org department.
 */
@Service
public class SurveyReportService {

    /** The report's groupings: the SQL expression over answer set {@code s} and the Chinese name. */
    private enum Dimension {
        ALL("CAST(s.survey_id AS VARCHAR(20))", "全体"),
        UNIT("CAST(s.unit_id AS VARCHAR(20))", "单位"),
        LEVEL("s.survey_level", "层级"),
        CATEGORY("s.category", "类别");

        final String expression;
        final String label;

        Dimension(String expression, String label) {
            this.expression = "COALESCE(" + expression + ", '-')";
            this.label = label;
        }
    }

    private final JdbcClient jdbc;
    private final SurveyService surveys;
    private final QuestionnaireService questionnaires;
    private final UnitRepository units;
    private final SurveyProperties properties;

    SurveyReportService(JdbcClient jdbc, SurveyService surveys, QuestionnaireService questionnaires, UnitRepository units,
            SurveyProperties properties) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.questionnaires = questionnaires;
        this.units = units;
        this.properties = properties;
    }

    /** The report of a closed survey, computed from the stored answers. */
    public SurveyReport report(long surveyId) {
        NeedsSurvey survey = surveys.find(surveyId);
        if (!NeedsSurvey.CLOSED.equals(survey.status())) {
            throw InvalidInputException.rule("R38", "surveyId", "调研尚未截止，截止后才生成调研报告");
        }
        int k = properties.minGroupSize();
        List<ResponseRate> rates = surveys.responseRates(surveyId);
        Map<Dimension, Map<String, Integer>> sizes = new HashMap<>();
        Map<Dimension, Map<String, Integer>> answered = new HashMap<>();
        Map<Dimension, Map<String, Integer>> choices = new HashMap<>();
        Map<Dimension, Map<String, BigDecimal>> averages = new HashMap<>();
        for (Dimension d : Dimension.values()) {
            sizes.put(d, counts("SELECT " + d.expression + " AS grp, '' AS q, COUNT(*) AS n FROM survey_answer_set s"
                    + " WHERE s.survey_id = ? GROUP BY " + d.expression, surveyId));
            answered.put(d, counts("SELECT " + d.expression + " AS grp, CAST(a.question_id AS VARCHAR(20)) AS q,"
                    + " COUNT(DISTINCT a.answer_set_id) AS n FROM survey_answer a JOIN survey_answer_set s ON s.id = a.answer_set_id"
                    + " WHERE s.survey_id = ? GROUP BY " + d.expression + ", a.question_id", surveyId));
            choices.put(d, counts("SELECT " + d.expression + " AS grp,"
                    + " CAST(a.question_id AS VARCHAR(20)) || ':' || CAST(a.option_no AS VARCHAR(10)) AS q, COUNT(*) AS n"
                    + " FROM survey_answer a JOIN survey_answer_set s ON s.id = a.answer_set_id"
                    + " WHERE s.survey_id = ? AND a.option_no > 0 GROUP BY " + d.expression + ", a.question_id, a.option_no",
                    surveyId));
            Map<String, BigDecimal> average = new HashMap<>();
            jdbc.sql("SELECT " + d.expression + " AS grp, a.question_id, AVG(CAST(a.scale_value AS DECIMAL(10,4))) AS avg"
                    + " FROM survey_answer a JOIN survey_answer_set s ON s.id = a.answer_set_id"
                    + " WHERE s.survey_id = ? AND a.scale_value IS NOT NULL GROUP BY " + d.expression + ", a.question_id")
                    .param(surveyId)
                    .query(rs -> {
                        average.put(rs.getString("grp") + "|" + rs.getLong("question_id"),
                                rs.getBigDecimal("avg").setScale(1, RoundingMode.HALF_UP));
                    });
            averages.put(d, average);
        }
        int respondents = sizes.get(Dimension.ALL).values().stream().mapToInt(Integer::intValue).sum();
        List<QuestionResult> results = new ArrayList<>();
        for (Question q : questionnaires.questions(survey.questionnaireId())) {
            Group overall = null;
            List<Group> groups = new ArrayList<>();
            for (Dimension d : Dimension.values()) {
                for (Map.Entry<String, Integer> group : sorted(sizes.get(d))) {
                    String key = group.getKey();
                    boolean suppressed = group.getValue() < k;
                    List<Integer> counts = new ArrayList<>();
                    for (int option = 1; option <= q.options().size(); option++) {
                        counts.add(suppressed ? 0 : choices.get(d).getOrDefault(key + "|" + q.id() + ":" + option, 0));
                    }
                    Group g = new Group(d.label, label(d, key), group.getValue(), suppressed,
                            suppressed ? 0 : answered.get(d).getOrDefault(key + "|" + q.id(), 0),
                            suppressed ? List.of() : counts, suppressed ? null : averages.get(d).get(key + "|" + q.id()));
                    if (d == Dimension.ALL) {
                        overall = g;
                    } else {
                        groups.add(g);
                    }
                }
            }
            if (overall == null) {
                overall = new Group(Dimension.ALL.label, Dimension.ALL.label, 0, true, 0, List.of(), null);
            }
            List<String> texts = q.answerType() == AnswerType.TEXT && respondents >= k ? jdbc.sql("""
                    SELECT a.text_value FROM survey_answer a JOIN survey_answer_set s ON s.id = a.answer_set_id
                     WHERE s.survey_id = ? AND a.question_id = ? AND a.text_value <> '' ORDER BY a.text_value""")
                    .params(surveyId, q.id()).query(String.class).list() : List.of();
            results.add(new QuestionResult(q.id(), q.position(), q.kind(), q.answerType(), q.text(), q.options(), overall,
                    groups, texts));
        }
        return new SurveyReport(survey, rates.stream().mapToInt(ResponseRate::targeted).sum(), respondents, k, rates,
                results);
    }

    /**
     * Builds the report of a closed survey and keeps it in the needs archive with its PDF (idempotent: a retried job
     * finds the archived report).
     *
     * @return the archive entry's id
     */
    @Transactional
    public long build(long surveyId) {
        Long existing = archiveId(surveyId);
        if (existing != null) {
            return existing;
        }
        SurveyReport report = report(surveyId);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO needs_archive (survey_id, targeted, respondents, min_group_size, pdf, built_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(surveyId, report.targeted(), report.respondents(), report.minGroupSize(), pdf(report),
                        Timestamp.valueOf(EngineClock.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The org department's review of the archived report (remarks optional, at most 4000 characters). */
    @Transactional
    public void review(long surveyId, String remarks, String actor) {
        if (remarks != null && remarks.length() > 4000) {
            throw InvalidInputException.of("reviewRemarks", "审阅意见不超过4000字");
        }
        if (jdbc.sql("UPDATE needs_archive SET reviewed_by = ?, reviewed_at = ?, review_remarks = ? WHERE survey_id = ?")
                .params(actor, Timestamp.valueOf(EngineClock.now()), remarks == null || remarks.isBlank() ? null : remarks.strip(),
                        surveyId)
                .update() == 0) {
            throw new NotFoundException("调研报告尚未生成：" + surveyId);
        }
    }

    /** The archived PDF. */
    public byte[] archivedPdf(long surveyId) {
        return jdbc.sql("SELECT pdf FROM needs_archive WHERE survey_id = ?").param(surveyId).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("调研报告尚未生成：" + surveyId));
    }

    /** The needs archive: one entry per reported survey, newest first. */
    public List<ArchiveEntry> archive() {
        return jdbc.sql("""
                SELECT a.survey_id, s.title, s.opens_on, s.closes_on, a.targeted, a.respondents, a.built_at, a.reviewed_by,
                       a.review_remarks
                  FROM needs_archive a JOIN needs_survey s ON s.id = a.survey_id ORDER BY a.id DESC""")
                .query((rs, n) -> new ArchiveEntry(rs.getLong("survey_id"), rs.getString("title"),
                        rs.getObject("opens_on", java.time.LocalDate.class), rs.getObject("closes_on", java.time.LocalDate.class),
                        rs.getInt("targeted"), rs.getInt("respondents"), rs.getTimestamp("built_at").toInstant(),
                        rs.getString("reviewed_by"), rs.getString("review_remarks")))
                .list();
    }

    public record ArchiveEntry(long surveyId, String title, java.time.LocalDate opensOn, java.time.LocalDate closesOn,
            int targeted, int respondents, java.time.Instant builtAt, String reviewedBy, String reviewRemarks) {
    }

    Long archiveId(long surveyId) {
        return jdbc.sql("SELECT id FROM needs_archive WHERE survey_id = ?").param(surveyId).query(Long.class).optional()
                .orElse(null);
    }

    static byte[] pdf(SurveyReport report) {
        NeedsSurvey survey = report.survey();
        return ReportPdf.build("需求调研报告　" + survey.title(), pdf -> {
            pdf.title("干部教育培训需求调研报告").title(survey.title())
                    .keyValue("调研期间", survey.opensOn() + " 至 " + survey.closesOn())
                    .keyValue("调研对象", report.targeted() + " 人")
                    .keyValue("有效答卷", report.respondents() + " 份（匿名）")
                    .keyValue("参与率", report.targeted() == 0 ? "—"
                            : BigDecimal.valueOf(report.respondents() * 100L)
                                    .divide(BigDecimal.valueOf(report.targeted()), 1, RoundingMode.HALF_UP) + "%")
                    .paragraph("答卷匿名保存，与填写人无任何关联。为保护填写人，按单位、层级、类别统计时，不足 "
                            + report.minGroupSize() + " 人的分组不予显示（R37）。");
            pdf.heading("一、各单位参与情况");
            pdf.table(List.of("单位代码", "单位", "应答人数", "已答人数", "参与率"), report.rates().stream()
                    .map(r -> List.of(r.unitCode(), r.unitName(), String.valueOf(r.targeted()), String.valueOf(r.responded()),
                            r.rate() + "%"))
                    .toList(), 1.2f, 3f, 1.2f, 1.2f, 1.2f);
            pdf.heading("二、调研结果（按单位、层级、类别）");
            for (QuestionResult q : report.questions()) {
                pdf.heading(q.position() + ". 【" + q.kind().label() + "·" + q.answerType().label() + "】" + q.text());
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of(q.overall().dimension(), q.overall().label(), String.valueOf(q.overall().size()),
                        q.overall().summary(q.answerType(), q.options(), report.minGroupSize())));
                for (Group g : q.groups()) {
                    rows.add(List.of(g.dimension(), g.label(), String.valueOf(g.size()),
                            g.summary(q.answerType(), q.options(), report.minGroupSize())));
                }
                pdf.table(List.of("维度", "分组", "答卷数", "结果"), rows, 1f, 2.5f, 1f, 5f);
                for (String text : q.texts()) {
                    pdf.paragraph("· " + text);
                }
            }
        });
    }

    private Map<String, Integer> counts(String sql, long surveyId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql(sql).param(surveyId).query(rs -> {
            String q = rs.getString("q");
            counts.put(q.isEmpty() ? rs.getString("grp") : rs.getString("grp") + "|" + q, rs.getInt("n"));
        });
        return counts;
    }

    private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> sizes) {
        return sizes.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    private String label(Dimension d, String key) {
        if ("-".equals(key)) {
            return "未分组";
        }
        return switch (d) {
            case ALL -> "全体";
            case UNIT -> units.findById(Long.parseLong(key)).map(u -> u.name() + "（" + u.code() + "）").orElse(key);
            case LEVEL -> SurveyLevel.valueOf(key).label();
            case CATEGORY -> Category.valueOf(key).label();
        };
    }
}
