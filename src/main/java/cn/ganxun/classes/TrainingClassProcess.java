package cn.ganxun.classes;

/** Key, element ids, variables and forms of process {@code training-class} (培训班全周期). */
public final class TrainingClassProcess {

    public static final String KEY = "training-class";
    public static final String FORM_ROSTER_PLAN = "class-roster-plan";

    private TrainingClassProcess() {
    }

    public static final class Elements {
        public static final String START_CLASS_OPENED = "StartEvent_ClassOpened";
        public static final String TASK_PLAN_DISPATCH = "Task_PlanDispatch";
        public static final String TASK_OPEN_ROSTER = "Task_OpenRoster";
        public static final String CALL_NAMED_MANDATES = "CallActivity_NamedMandates";
        public static final String CALL_QUOTA_MANDATES = "CallActivity_QuotaMandates";
        public static final String GATEWAY_JOIN_MANDATES = "Gateway_JoinMandates";
        public static final String TASK_FINALISE_ROSTER = "Task_FinaliseRoster";
        public static final String TASK_AWAIT_TEACHING = "Task_AwaitTeaching";
        public static final String END_CLASS_CLOSED = "EndEvent_ClassClosed";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Correlated by the in-class phase (next issue) when teaching starts. */
        public static final String TEACHING_STARTED = "Message_TeachingStarted";

        private Messages() {
        }
    }

    /** Variables; the roster plan fields equal the class-roster-plan form's keys. */
    public static final class Vars {
        public static final String CLASS_ID = "classId";
        public static final String CLASS_SUMMARY = "classSummary";
        public static final String ENROLLMENT_DEADLINE = "enrollmentDeadline";
        public static final String NAMED_CADRES = "namedCadres";
        public static final String QUOTA_ALLOCATIONS = "quotaAllocations";
        public static final String REVIEW_NOMINATIONS = "reviewNominations";
        public static final String ENROLLED_COUNT = "enrolledCount";

        private Vars() {
        }
    }
}
