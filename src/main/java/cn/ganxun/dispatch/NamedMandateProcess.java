package cn.ganxun.dispatch;

/** Key, element ids, variables and forms of process {@code named-mandate} (点名调训, R8). */
public final class NamedMandateProcess {

    public static final String KEY = "named-mandate";
    public static final String FORM_CONFIRM = "named-mandate-confirm";
    public static final String FORM_OVERRIDE = "named-mandate-override";
    public static final String FORM_SUBSTITUTION = "named-mandate-substitution";
    public static final String FORM_ACKNOWLEDGE = "named-mandate-acknowledge";

    private NamedMandateProcess() {
    }

    public static final class Elements {
        public static final String START_CADRE_NAMED = "StartEvent_CadreNamed";
        public static final String TASK_PREPARE_MANDATE = "Task_PrepareMandate";
        public static final String TASK_CHECK_MANDATE_RULES = "Task_CheckMandateRules";
        public static final String TASK_NOTIFY_ORG_DEPT_OF_BLOCK = "Task_NotifyOrgDeptOfBlock";
        public static final String END_MANDATE_BLOCKED = "EndEvent_MandateBlocked";
        public static final String TASK_REVIEW_BREACHES = "Task_ReviewMandateBreaches";
        public static final String END_OVERRIDE_REFUSED = "EndEvent_OverrideRefused";
        public static final String TASK_NOMINATE_CADRE = "Task_NominateMandateCadre";
        public static final String TASK_NOTIFY_MANDATE = "Task_NotifyMandate";
        public static final String TASK_CONFIRM_MANDATE = "Task_ConfirmMandate";
        public static final String BOUNDARY_CONFIRM_REMINDER = "BoundaryEvent_ConfirmReminder";
        public static final String TASK_REMIND_UNIT = "Task_RemindUnitOfMandate";
        public static final String END_UNIT_REMINDED = "EndEvent_UnitReminded";
        public static final String TASK_REVIEW_SUBSTITUTION = "Task_ReviewSubstitution";
        public static final String TASK_ACKNOWLEDGE_MANDATE = "Task_AcknowledgeMandate";
        public static final String END_MANDATE_SETTLED = "EndEvent_MandateSettled";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String CLASS_ID = "classId";
        public static final String MANDATE_ID = "mandateId";
        public static final String UNIT_HR_GROUP = "unitHrGroup";
        public static final String MANDATE_DEADLINE = "mandateDeadline";
        public static final String MANDATE_REMINDER_DATE = "mandateReminderDate";
        /** True once the approver let the unit substitute the cadre: the unit chose them, no second confirmation. */
        public static final String SUBSTITUTED = "substituted";
        /** A {@link RuleOutcome} name. */
        public static final String RULE_OUTCOME = "ruleOutcome";
        /** Markdown shown by every form of the process (task-local). */
        public static final String MANDATE_SUMMARY = "mandateSummary";
        /** A {@link OverrideDecision} name. */
        public static final String OVERRIDE_DECISION = "overrideDecision";
        public static final String OVERRIDE_REASON = "overrideReason";
        /** A {@link UnitDecision} name. */
        public static final String UNIT_DECISION = "unitDecision";
        public static final String SUBSTITUTE_CADRE_NUMBER = "substituteCadreNumber";
        public static final String SUBSTITUTION_REASON = "substitutionReason";
        /** A {@link SubstitutionDecision} name. */
        public static final String SUBSTITUTION_DECISION = "substitutionDecision";
        public static final String SUBSTITUTION_COMMENT = "substitutionComment";
        public static final String ACKNOWLEDGED = "acknowledged";

        private Vars() {
        }
    }

    /** What the dispatch rules (R1, R10) say about the mandate's current cadre. */
    public enum RuleOutcome {
        CLEAR, OVERRIDE_NEEDED, BLOCKED
    }

    /** The unit HR's answer to the mandate (R8). */
    public enum UnitDecision {
        CONFIRM, SUBSTITUTE
    }

    /** The approver's answer to a substitution request (R8: only for special circumstances). */
    public enum SubstitutionDecision {
        APPROVE, REFUSE
    }
}
