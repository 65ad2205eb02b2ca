package cn.ganxun.feedback;

/** Key, element ids, message and variables of process {@code unit-feedback} (结果反馈, R30). */
public final class UnitFeedbackProcess {

    public static final String KEY = "unit-feedback";

    private UnitFeedbackProcess() {
    }

    public static final class Elements {
        public static final String START_FEEDBACK_REQUESTED = "StartEvent_FeedbackRequested";
        public static final String TASK_PREPARE_REPORTS = "Task_PrepareReports";
        public static final String TASK_DELIVER_REPORT = "Task_DeliverReport";
        public static final String END_FEEDBACK_DELIVERED = "EndEvent_FeedbackDelivered";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Starts the process; variables {@link Vars#CLASS_ID} and {@link Vars#OCCASION}; business key = class number. */
        public static final String FEEDBACK_REQUESTED = "Message_UnitFeedbackRequested";

        private Messages() {
        }
    }

    public static final class Vars {
        public static final String CLASS_ID = "classId";
        /** A {@link FeedbackOccasion} name; also the input parameter of the calling service task. */
        public static final String OCCASION = "occasion";
        /** The reports to deliver (JSON list of ids) and the multi-instance element variable. */
        public static final String REPORT_IDS = "reportIds";
        public static final String REPORT_ID = "reportId";

        private Vars() {
        }
    }
}
