package cn.ganxun.classes;

import java.util.List;

/** Key, element ids, variable names and form ids of process {@code class-filing} (办班申报审批). */
public final class ClassFilingProcess {

    public static final String KEY = "class-filing";
    public static final String DECISION_FILING_RULES = "filing-rules";
    public static final String FORM_FILING = "class-filing";
    public static final String FORM_REVIEW = "class-filing-review";

    private ClassFilingProcess() {
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String START_FILING_SUBMITTED = "StartEvent_FilingSubmitted";
        public static final String TASK_SAVE_FILING = "Task_SaveFiling";
        public static final String TASK_CHECK_FILING_RULES = "Task_CheckFilingRules";
        public static final String GATEWAY_CHECK_OUTCOME = "Gateway_FilingCheckOutcome";
        public static final String TASK_NOTIFY_RETURN = "Task_NotifyReturn";
        public static final String TASK_REVISE_FILING = "Task_ReviseFiling";
        public static final String TASK_REVIEW_FILING = "Task_ReviewFiling";
        public static final String BOUNDARY_REVIEW_REMINDER = "BoundaryEvent_ReviewReminder";
        public static final String TASK_REMIND_APPROVER = "Task_RemindApprover";
        public static final String END_APPROVER_REMINDED = "EndEvent_ApproverReminded";
        public static final String BOUNDARY_REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
        public static final String TASK_ESCALATE_REVIEW = "Task_EscalateReview";
        public static final String END_REVIEW_ESCALATED = "EndEvent_ReviewEscalated";
        public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
        public static final String TASK_RECORD_CLASS = "Task_RecordClass";
        public static final String TASK_OPEN_TRAINING_CLASS = "Task_OpenTrainingClass";
        public static final String TASK_NOTIFY_DECISION = "Task_NotifyDecision";
        public static final String END_FILING_DECIDED = "EndEvent_FilingDecided";

        private Elements() {
        }
    }

    /** Process variable names; the filing fields equal the Camunda Form's component keys. */
    public static final class Vars {
        public static final String INITIATOR = "initiator";
        public static final String CLASS_ID = "classId";
        public static final String INSTITUTION_GROUP = "institutionGroup";
        public static final String FILING_OUTCOME = "filingOutcome";
        public static final String LATE_FILING = "lateFiling";
        public static final String REVIEW_DUE_DATE = "reviewDueDate";
        public static final String REVIEW_REMINDER_DATE = "reviewReminderDate";
        public static final String REVIEW_DECISION = "decision";
        public static final String REVIEW_COMMENT = "reviewComment";
        public static final String OVERRIDE_REASON = "overrideReason";
        public static final String FILING_SUMMARY = "filingSummary";
        public static final String CLASS_NUMBER = "classNumber";
        public static final String INSTITUTION_NAME = "institutionName";

        public static final String INSTITUTION_CODE = "institutionCode";
        public static final String TITLE = "title";
        public static final String CLASS_TYPE = "classType";
        public static final String TOPIC = "topic";
        public static final String START_DATE = "startDate";
        public static final String END_DATE = "endDate";
        public static final String OFF_JOB = "offJob";
        public static final String PLANNED_PARTICIPANTS = "plannedParticipants";
        public static final String DISPATCH_MODE = "dispatchMode";
        public static final String TOTAL_HOURS = "totalHours";
        /** The curriculum as text, one course per line (see CurriculumText). */
        public static final String CURRICULUM = "curriculum";

        /** The variables a filing form submits; removed once the filing is stored. */
        public static final List<String> FILING_FIELDS = List.of(INSTITUTION_CODE, TITLE, CLASS_TYPE, TOPIC, START_DATE,
                END_DATE, OFF_JOB, PLANNED_PARTICIPANTS, DISPATCH_MODE, TOTAL_HOURS, CURRICULUM);

        /** What the review form shows besides the filing fields; removed when the review is done. */
        public static final List<String> REVIEW_DISPLAY = List.of(FILING_SUMMARY, CLASS_NUMBER, INSTITUTION_NAME);

        private Vars() {
        }
    }

    /** Where the filing rules send a filing (value of {@link Vars#FILING_OUTCOME}). */
    public enum Outcome {
        RECORD, REVIEW, RETURN
    }
}
