package cn.ganxun.linkage;

/** Key, element ids, variables, messages and forms of process {@code appointment-linkage} (训用结合, R32). */
public final class AppointmentLinkageProcess {

    public static final String KEY = "appointment-linkage";

    private AppointmentLinkageProcess() {
    }

    public static final class Elements {
        public static final String START_PROMOTION_REGISTERED = "StartEvent_PromotionRegistered";
        public static final String START_PROMOTION_RECORDED = "StartEvent_PromotionRecorded";
        public static final String TASK_REGISTER_PROMOTION = "Task_RegisterPromotion";
        public static final String TASK_CHECK_TRAINING = "Task_CheckTraining";
        public static final String GATEWAY_ALREADY_TRAINED = "Gateway_AlreadyTrained";
        public static final String TASK_AWAIT_TRAINING = "Task_AwaitTraining";
        public static final String BOUNDARY_REMINDER_DUE = "BoundaryEvent_ReminderDue";
        public static final String TASK_REMIND_TRAINING = "Task_RemindTraining";
        public static final String BOUNDARY_WINDOW_CLOSED = "BoundaryEvent_WindowClosed";
        public static final String TASK_MARK_OVERDUE = "Task_MarkOverdue";
        public static final String TASK_HANDLE_OVERDUE = "Task_HandleOverdue";
        public static final String BOUNDARY_TRAINED_LATE = "BoundaryEvent_TrainingConfirmedLate";
        public static final String GATEWAY_OVERDUE_DECISION = "Gateway_OverdueDecision";
        public static final String TASK_RECORD_TRAINING = "Task_RecordTraining";
        public static final String END_TRAINED = "EndEvent_Trained";
        public static final String END_REMINDED = "EndEvent_Reminded";
        public static final String END_PROBATION_EXTENDED = "EndEvent_ProbationExtended";
        public static final String END_SPECIAL_CIRCUMSTANCES = "EndEvent_SpecialCircumstancesRecorded";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String PROMOTION_ID = "promotionId";
        public static final String CADRE_ID = "cadreId";
        /** The appointment training that counts (R32), once known. */
        public static final String TRAINED_CLASS_ID = "trainedClassId";
        public static final String APPOINTMENT_TRAINED = "appointmentTrained";
        /** Timer dates (java.util.Date): the reminder, the close of the window (the day after its last day, 00:00). */
        public static final String REMINDER_AT = "reminderAt";
        public static final String WINDOW_CLOSES_AT = "windowClosesAt";
        /** Due date of the org department's task. */
        public static final String DECISION_DUE_AT = "decisionDueAt";
        /** Start form fields (also the REST request's). */
        public static final String CADRE_NUMBER = "cadreNumber";
        public static final String TO_RANK = "toRank";
        public static final String POST = "post";
        public static final String EFFECTIVE_ON = "effectiveOn";
        public static final String NOTE = "note";
        /** The org department's decision: EXTEND_PROBATION (with the new end date) or SPECIAL_CIRCUMSTANCES. */
        public static final String OVERDUE_DECISION = "overdueDecision";
        public static final String PROBATION_ENDS_ON = "probationEndsOn";
        public static final String DECISION_REASON = "decisionReason";
        /** Task-local Markdown shown by the form. */
        public static final String FORM_INFO = "linkageInfo";

        private Vars() {
        }
    }

    public static final class Messages {
        /** Correlated by business key (cadre number) and {@code promotionId} when a qualifying enrollment completed. */
        public static final String TRAINING_COMPLETED = "AppointmentTrainingCompleted";
        /** Starts the watch of a promotion recorded through the registry's life events. */
        public static final String PROMOTION_RECORDED = "PromotionRecorded";

        private Messages() {
        }
    }

    public static final class Forms {
        public static final String PROMOTION = "appointment-linkage-promotion";
        public static final String OVERDUE = "appointment-linkage-overdue";

        private Forms() {
        }
    }
}
