package cn.ganxun.followup;

/** R29: a trainee's final post-evaluation when the follow-up closed, with whether they wrote a summary and were visited. */
public record FollowUpEvaluation(long cadreId, String cadreNumber, String cadreName, String unitName, TraineeLevel level,
        SourceScores scores, boolean summarySubmitted, boolean visited) {
}
