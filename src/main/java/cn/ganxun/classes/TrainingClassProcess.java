package cn.ganxun.classes;

/** Key, element ids, variables and forms of process {@code training-class} (培训班全周期). */
public final class TrainingClassProcess {

    public static final String KEY = "training-class";
    public static final String FORM_ROSTER_PLAN = "class-roster-plan";
    public static final String FORM_MAKE_UP_PLACEMENT = "make-up-placement";

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
        public static final String EVENT_CLASS_ENDED = "Event_ClassEnded";
        public static final String CALL_ASSESSMENT = "CallActivity_Assessment";
        public static final String TASK_ISSUE_CERTIFICATES = "Task_IssueCertificates";
        public static final String TASK_POST_CREDITS = "Task_PostCredits";
        /** R32: tells the appointment-linkage watches of the class's trainees (delegate in appointmentlinkage). */
        public static final String TASK_REPORT_APPOINTMENT_TRAINING = "Task_ReportAppointmentTraining";
        public static final String TASK_LIST_MAKE_UP = "Task_ListMakeUp";
        public static final String TASK_PLACE_MAKE_UP = "Task_PlaceMakeUp";
        public static final String GATEWAY_JOIN_RESULTS = "Gateway_JoinResults";
        public static final String TASK_REQUEST_RESULTS_FEEDBACK = "Task_RequestResultsFeedback";
        public static final String CALL_FOLLOW_UP = "CallActivity_FollowUp";
        public static final String END_CLASS_CLOSED = "EndEvent_ClassClosed";

        private Elements() {
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
        /** When the class ends (its last day, 18:00): the assessment starts then. */
        public static final String CLASS_ENDS_AT = "classEndsAt";
        public static final String MAKE_UP_COUNT = "makeUpCount";
        public static final String MAKE_UP_SUMMARY = "makeUpSummary";
        /** The placement form's text: one "干部编号，补训班次编号" per line. */
        public static final String PLACEMENTS = "placements";

        private Vars() {
        }
    }
}
