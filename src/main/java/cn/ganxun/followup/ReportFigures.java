package cn.ganxun.followup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a half-year report (R28) says, gathered from the follow-up's tables at one moment: seminars, summaries, the
 * current sample, the visits with their interviews, average scores by source and by indicator, each visited trainee's
 * combined score so far, and — in the last report, after the close — the final evaluations.
 */
record ReportFigures(FollowUp followUp, HalfYearReport report, List<Seminar> seminars, List<LearningSummary> summaries,
        SampleDraw sample, List<VisitLine> visits, Map<ScoreSource, BigDecimal> sourceAverages,
        List<IndicatorLine> indicators, List<FollowUpEvaluation> evaluations) {

    /** One unit visit: the trainee, status, interviews logged, escalation, combined score so far (null without scores). */
    record VisitLine(UnitVisit visit, BigDecimal combinedSoFar) {
    }

    /** The average of one indicator over every source and interview so far. */
    record IndicatorLine(String code, String name, BigDecimal average, int scores) {
    }
}
