package cn.ganxun.classes;

/** Key, element ids and variables of process {@code training-class} (培训班全周期). */
public final class TrainingClassProcess {

    public static final String KEY = "training-class";

    private TrainingClassProcess() {
    }

    public static final class Elements {
        public static final String START_CLASS_OPENED = "StartEvent_ClassOpened";
        public static final String TASK_AWAIT_DISPATCH = "Task_AwaitDispatch";
        public static final String END_CLASS_CLOSED = "EndEvent_ClassClosed";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Correlated by the dispatch work (next issue) to open the roster phase. */
        public static final String DISPATCH_STARTED = "Message_DispatchStarted";

        private Messages() {
        }
    }

    public static final class Vars {
        public static final String CLASS_ID = "classId";

        private Vars() {
        }
    }
}
