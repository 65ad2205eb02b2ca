package cn.ganxun.followup;

/** Key, element ids, variables and forms of process {@code follow-up} (训后跟踪问效, R24–R30). */
public final class FollowUpProcess {

    public static final String KEY = "follow-up";

    private FollowUpProcess() {
    }

    public static final class Elements {
        public static final String START_RESULTS_CONFIRMED = "StartEvent_ResultsConfirmed";
        public static final String TASK_OPEN_FOLLOW_UP = "Task_OpenFollowUp";
        public static final String SUB_PROCESS_FOLLOW_UP_PERIOD = "SubProcess_FollowUpPeriod";
        public static final String TASK_HOLD_SEMINAR = "Task_HoldSeminar";
        public static final String SUB_PROCESS_LEARNING_SUMMARY = "SubProcess_LearningSummary";
        public static final String TASK_WRITE_LEARNING_SUMMARY = "Task_WriteLearningSummary";
        public static final String BOUNDARY_SUMMARY_DUE = "BoundaryEvent_SummaryDue";
        public static final String TASK_CHASE_SUMMARY = "Task_ChaseSummary";
        public static final String BOUNDARY_SUMMARY_OVERDUE = "BoundaryEvent_SummaryOverdue";
        public static final String END_SUMMARY_OVERDUE = "EndEvent_SummaryOverdue";
        public static final String TASK_LIST_MISSING_SUMMARIES = "Task_ListMissingSummaries";
        public static final String GATEWAY_ANY_SUMMARY_MISSING = "Gateway_AnySummaryMissing";
        public static final String END_SUMMARIES_WRITTEN = "EndEvent_SummariesWritten";
        public static final String TASK_REVIEW_MISSING_SUMMARIES = "Task_ReviewMissingSummaries";
        public static final String TASK_DRAW_SAMPLE = "Task_DrawSample";
        public static final String TASK_REVIEW_SAMPLE = "Task_ReviewSample";
        public static final String GATEWAY_SAMPLE_CONFIRMED = "Gateway_SampleConfirmed";
        public static final String TASK_ARRANGE_VISITS = "Task_ArrangeVisits";
        public static final String TASK_VISIT_UNIT = "Task_VisitUnit";
        public static final String BOUNDARY_VISITS_OVERDUE = "BoundaryEvent_VisitsOverdue";
        public static final String TASK_ESCALATE_OVERDUE_VISITS = "Task_EscalateOverdueVisits";
        public static final String TASK_SCHEDULE_REPORT = "Task_ScheduleReport";
        public static final String GATEWAY_MORE_REPORTS = "Gateway_MoreReports";
        public static final String EVENT_REPORT_PERIOD_ENDED = "Event_ReportPeriodEnded";
        public static final String TASK_DRAFT_REPORT = "Task_DraftReport";
        public static final String TASK_PUBLISH_REPORT = "Task_PublishReport";
        public static final String END_INTERIM_REPORTS_DONE = "EndEvent_InterimReportsDone";
        public static final String BOUNDARY_FOLLOW_UP_PERIOD_OVER = "BoundaryEvent_FollowUpPeriodOver";
        public static final String EVENT_FOLLOW_UP_PERIOD_ENDED = "Event_FollowUpPeriodEnded";
        public static final String TASK_CLOSE_FOLLOW_UP = "Task_CloseFollowUp";
        public static final String TASK_REQUEST_FOLLOW_UP_FEEDBACK = "Task_RequestFollowUpFeedback";
        public static final String TASK_DRAFT_FINAL_REPORT = "Task_DraftFinalReport";
        public static final String TASK_PUBLISH_FINAL_REPORT = "Task_PublishFinalReport";
        public static final String END_FOLLOW_UP_CLOSED = "EndEvent_FollowUpClosed";

        private Elements() {
        }
    }

    public static final class Vars {
        /**
         * The class (input from the caller). The follow-up, its institution and every timer date are read from the
         * tables by process instance ({@link FollowUpService#ofProcess}, {@link FollowUpSchedule}), never from
         * variables, which whoever completes a task could overwrite.
         */
        public static final String CLASS_ID = "classId";
        /** The trainees (JSON list of cadre ids) and the per-trainee summary subprocess's element variable. */
        public static final String TRAINEE_IDS = "traineeIds";
        public static final String TRAINEE_ID = "traineeId";
        /** The unit visits (JSON list of visit ids) and the visit multi-instance's element variable. */
        public static final String VISIT_IDS = "visitIds";
        public static final String VISIT_ID = "visitId";
        /** How many summaries were listed as missing once every trainee's summary subprocess ended (R26). */
        public static final String MISSING_SUMMARY_COUNT = "missingSummaryCount";
        /** The lead's decision on the sample: CONFIRM or REDRAW (with {@link #REDRAW_REASON}). */
        public static final String SAMPLE_DECISION = "sampleDecision";
        public static final String REDRAW_REASON = "redrawReason";
        /** Who decided on the sample last: the confirmation is recorded in their name. */
        public static final String SAMPLE_REVIEWED_BY = "sampleReviewedBy";
        /** The half-year report loop: whether a period is left before the end; the drafted report (checked on use). */
        public static final String MORE_REPORTS = "moreReports";
        public static final String REPORT_ID = "halfYearReportId";
        /** Task-local Markdown shown by the forms. */
        public static final String FORM_INFO = "followUpInfo";
        /** Task inputs (execution-local while the task is open). */
        public static final String SEMINAR_HELD_ON = "seminarHeldOn";
        public static final String SEMINAR_PLACE = "seminarPlace";
        public static final String SEMINAR_ATTENDEES = "seminarAttendees";
        public static final String SEMINAR_MINUTES = "seminarMinutes";
        public static final String SUMMARY_CONTENT = "summaryContent";
        public static final String MISSING_ACKNOWLEDGED = "missingAcknowledged";
        public static final String INTERVIEW_HELD_ON = "interviewHeldOn";
        public static final String INTERVIEW_METHOD = "interviewMethod";
        public static final String INTERVIEWEES = "interviewees";
        public static final String INTERVIEW_FINDINGS = "interviewFindings";
        /** One score per line: "指标代码，来源，分值". */
        public static final String INTERVIEW_SCORES = "interviewScores";
        public static final String REPORT_REMARKS = "reportRemarks";

        private Vars() {
        }
    }

    public static final class Forms {
        public static final String SEMINAR = "follow-up-seminar";
        public static final String LEARNING_SUMMARY = "follow-up-learning-summary";
        public static final String MISSING_SUMMARIES = "follow-up-missing-summaries";
        public static final String SAMPLE_REVIEW = "follow-up-sample-review";
        public static final String UNIT_VISIT = "follow-up-unit-visit";
        public static final String REPORT = "follow-up-report";

        private Forms() {
        }
    }

    /** The lead's decision on the drawn sample (R27). */
    public enum SampleDecision {
        CONFIRM, REDRAW
    }
}
