package cn.ganxun.followup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;

/**
 * R28: the institution's feedback report every six months of a follow-up. The system drafts it when a period ends
 * (idempotent per follow-up and period); the draft's PDF is rendered from the follow-up's current tables; the
 * institution adds its remarks and publishes it, which freezes the PDF as it was published.
 */
@Service
public class HalfYearReportService {

    private static final int REMARKS_MAX = 8000;
    private static final String REPORTS = """
            SELECT id, follow_up_id, period_no, period_ends_on, status, remarks, drafted_at, published_by, published_at
              FROM half_year_report""";

    private final JdbcClient jdbc;
    private final FollowUpService followUps;
    private final SampleDrawService samples;
    private final UnitVisitService visits;
    private final PostEvaluation evaluation;
    private final IndicatorCatalog catalog;

    HalfYearReportService(JdbcClient jdbc, FollowUpService followUps, SampleDrawService samples, UnitVisitService visits,
            PostEvaluation evaluation, IndicatorCatalog catalog) {
        this.jdbc = jdbc;
        this.followUps = followUps;
        this.samples = samples;
        this.visits = visits;
        this.evaluation = evaluation;
        this.catalog = catalog;
    }

    /**
     * Drafts the report of period {@code periodNo} (1 … 2 × years); a second call returns the same report.
     *
     * @return the report id
     */
    @Transactional
    public long draft(long followUpId, int periodNo) {
        FollowUp followUp = followUps.find(followUpId);
        if (periodNo < 1 || periodNo > followUp.reportPeriods()) {
            throw InvalidInputException.rule("R28", "periodNo", "报告期须在第1至第" + followUp.reportPeriods() + "期之间");
        }
        jdbc.sql("""
                INSERT INTO half_year_report (follow_up_id, period_no, period_ends_on, status, drafted_at)
                SELECT ?, ?, ?, 'DRAFT', ? FROM follow_up f
                 WHERE f.id = ? AND NOT EXISTS (SELECT 1 FROM half_year_report r WHERE r.follow_up_id = f.id AND r.period_no = ?)""")
                .params(followUpId, periodNo, followUp.periodEndsOn(periodNo), Timestamp.valueOf(EngineClock.now()),
                        followUpId, periodNo)
                .update();
        return jdbc.sql("SELECT id FROM half_year_report WHERE follow_up_id = ? AND period_no = ?")
                .params(followUpId, periodNo).query(Long.class).single();
    }

    /** R28: the period after the last drafted report (1 when none was drafted yet). */
    public int nextPeriod(long followUpId) {
        return jdbc.sql("SELECT COALESCE(MAX(period_no), 0) + 1 FROM half_year_report WHERE follow_up_id = ?")
                .param(followUpId).query(Integer.class).single();
    }

    public HalfYearReport report(long reportId) {
        return jdbc.sql(REPORTS + " WHERE id = ?").param(reportId).query(HalfYearReportService::map).optional()
                .orElseThrow(() -> new NotFoundException("半年反馈报告不存在：" + reportId));
    }

    public List<HalfYearReport> reports(long followUpId) {
        return jdbc.sql(REPORTS + " WHERE follow_up_id = ? ORDER BY period_no").param(followUpId)
                .query(HalfYearReportService::map).list();
    }

    /**
     * The PDF: as published, or the draft rendered from the current tables. Not a read-only transaction: the indicator
     * names come from a DMN evaluation, which writes decision history.
     */
    @Transactional
    public byte[] pdf(long reportId) {
        HalfYearReport report = report(reportId);
        if (report.published()) {
            return jdbc.sql("SELECT published_pdf FROM half_year_report WHERE id = ?").param(reportId)
                    .query((rs, n) -> rs.getBytes(1)).single();
        }
        return HalfYearReportPdf.render(figures(report));
    }

    /**
     * Publishes a report of the follow-up with the institution's remarks (optional, at most 8000 characters): the PDF
     * is rendered once more and kept as published. Refused for another follow-up's report or one published already.
     */
    @Transactional
    public void publish(long followUpId, long reportId, String remarks, String actor) {
        HalfYearReport report = jdbc.sql(REPORTS + " WHERE id = ? FOR UPDATE").param(reportId)
                .query(HalfYearReportService::map).optional()
                .orElseThrow(() -> new NotFoundException("半年反馈报告不存在：" + reportId));
        if (report.followUpId() != followUpId) {
            throw InvalidInputException.rule("R28", "reportId", "该报告不属于本班的训后跟踪：" + reportId);
        }
        if (report.published()) {
            throw InvalidInputException.rule("R28", "reportId", "第" + report.periodNo() + "期反馈报告已于 "
                    + report.publishedAt() + " 发布，不能再修改");
        }
        String text = remarks == null || remarks.isBlank() ? null : remarks.strip();
        if (text != null && text.length() > REMARKS_MAX) {
            throw InvalidInputException.of("remarks", "承办机构意见不超过" + REMARKS_MAX + "字");
        }
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        HalfYearReport published = new HalfYearReport(report.id(), report.followUpId(), report.periodNo(),
                report.periodEndsOn(), HalfYearReport.PUBLISHED, text, report.draftedAt(), actor, now.toInstant());
        byte[] pdf = HalfYearReportPdf.render(figures(published));
        jdbc.sql("""
                UPDATE half_year_report SET status = 'PUBLISHED', remarks = ?, published_by = ?, published_at = ?, published_pdf = ?
                 WHERE id = ?""")
                .params(text, actor, now, pdf, reportId).update();
    }

    /** The figures of the report as of now, with the report's own state. */
    ReportFigures figures(HalfYearReport report) {
        long followUpId = report.followUpId();
        FollowUp followUp = followUps.find(followUpId);
        SampleDraw sample = samples.history(followUpId).stream().reduce((first, second) -> second).orElse(null);
        List<ReportFigures.VisitLine> visitLines = new ArrayList<>();
        for (UnitVisit visit : visits.visits(followUpId)) {
            visitLines.add(new ReportFigures.VisitLine(visit, visit.interviews() == 0 ? null
                    : evaluation.scoresFor(followUpId, visit.cadreId()).combined()));
        }
        Map<ScoreSource, BigDecimal> bySource = new EnumMap<>(ScoreSource.class);
        jdbc.sql("""
                SELECT s.source, AVG(s.score) AS average FROM indicator_score s
                  JOIN interview i ON i.id = s.interview_id JOIN unit_visit v ON v.id = i.visit_id
                 WHERE v.follow_up_id = ? GROUP BY s.source""")
                .param(followUpId)
                .query(rs -> {
                    bySource.put(ScoreSource.valueOf(rs.getString("source")),
                            rs.getBigDecimal("average").setScale(1, RoundingMode.HALF_UP));
                });
        Map<String, String> names = new HashMap<>();
        for (TraineeLevel level : TraineeLevel.values()) {
            catalog.forLevel(level).forEach(indicator -> names.putIfAbsent(indicator.code(), indicator.name()));
        }
        List<ReportFigures.IndicatorLine> indicators = jdbc.sql("""
                SELECT s.indicator_code, AVG(s.score) AS average, COUNT(*) AS scores FROM indicator_score s
                  JOIN interview i ON i.id = s.interview_id JOIN unit_visit v ON v.id = i.visit_id
                 WHERE v.follow_up_id = ? GROUP BY s.indicator_code ORDER BY s.indicator_code""")
                .param(followUpId)
                .query((rs, n) -> new ReportFigures.IndicatorLine(rs.getString("indicator_code"),
                        names.getOrDefault(rs.getString("indicator_code"), rs.getString("indicator_code")),
                        rs.getBigDecimal("average").setScale(1, RoundingMode.HALF_UP), rs.getInt("scores")))
                .list();
        return new ReportFigures(followUp, report, followUps.seminars(followUpId), followUps.summaries(followUpId), sample,
                visitLines, bySource, indicators, followUps.evaluations(followUpId));
    }

    private static HalfYearReport map(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new HalfYearReport(rs.getLong("id"), rs.getLong("follow_up_id"), rs.getInt("period_no"),
                rs.getObject("period_ends_on", LocalDate.class), rs.getString("status"), rs.getString("remarks"),
                rs.getTimestamp("drafted_at").toInstant(), rs.getString("published_by"),
                published == null ? null : published.toInstant());
    }
}
