package cn.ganxun.dispatch;

/** Key, element ids, variables and forms of process {@code quota-mandate} (名额分配调训). */
public final class QuotaMandateProcess {

    public static final String KEY = "quota-mandate";

    private QuotaMandateProcess() {
    }

    public static final class Elements {
        public static final String TASK_PREPARE_QUOTA = "Task_PrepareQuota";
        public static final String TASK_NOTIFY_UNIT = "Task_NotifyUnitOfQuota";
        public static final String TASK_NOMINATE_CADRES = "Task_NominateCadres";
        public static final String BOUNDARY_DEADLINE_PASSED = "BoundaryEvent_QuotaDeadlinePassed";
        public static final String BOUNDARY_REMINDER = "BoundaryEvent_NominationReminder";
        public static final String TASK_REMIND_UNIT = "Task_RemindUnitOfQuota";
        public static final String TASK_HANDLE_EXPIRED = "Task_HandleExpiredQuota";
        public static final String END_SEATS_LEFT_EMPTY = "EndEvent_SeatsLeftEmpty";
        public static final String TASK_REVIEW_BREACHES = "Task_ReviewBreaches";
        public static final String TASK_REVIEW_NOMINATIONS = "Task_ReviewNominations";
        public static final String TASK_CONFIRM_NOMINATIONS = "Task_ConfirmNominations";
        public static final String END_QUOTA_FILLED = "EndEvent_QuotaFilled";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String CLASS_ID = "classId";
        public static final String ALLOCATION_ID = "allocationId";
        public static final String UNIT_HR_GROUP = "unitHrGroup";
        public static final String QUOTA_DEADLINE = "quotaDeadline";
        public static final String QUOTA_REMINDER_DATE = "quotaReminderDate";
        public static final String NEEDS_OVERRIDE = "needsOverride";
        public static final String REVIEW_NOMINATIONS = "reviewNominations";
        public static final String QUOTA_SUMMARY = "quotaSummary";
        public static final String CANDIDATE_OPTIONS = "candidateOptions";
        /** The checklist of the nomination form: cadre ids as strings. */
        public static final String NOMINEE_IDS = "nomineeIds";
        public static final String OVERRIDE_DECISION = "overrideDecision";
        public static final String OVERRIDE_REASON = "overrideReason";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_COMMENT = "reviewComment";
        public static final String EXPIRED_DECISION = "expiredDecision";
        public static final String NEW_DEADLINE = "newDeadline";
        public static final String TARGET_UNIT_CODE = "targetUnitCode";

        private Vars() {
        }
    }

    /** The org department's review of a unit's nominations. */
    public enum ReviewDecision {
        ACCEPT, SEND_BACK
    }

    /** What the org department does with seats a unit left unfilled at the deadline. */
    public enum ExpiredDecision {
        EXTEND, REASSIGN, LEAVE_EMPTY
    }
}
