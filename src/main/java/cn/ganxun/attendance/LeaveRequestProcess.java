package cn.ganxun.attendance;

/** Key, element ids, variables and forms of process {@code leave-request} (请销假, R16). */
public final class LeaveRequestProcess {

    public static final String KEY = "leave-request";

    private LeaveRequestProcess() {
    }

    public static final class Elements {
        public static final String START_LEAVE_REQUESTED = "StartEvent_LeaveRequested";
        public static final String TASK_SAVE_LEAVE_REQUEST = "Task_SaveLeaveRequest";
        public static final String TASK_APPROVE_BY_TEACHER = "Task_ApproveLeaveByTeacher";
        public static final String TASK_APPROVE_BY_INSTITUTION = "Task_ApproveLeaveByInstitution";
        public static final String TASK_NOTIFY_APPROVED = "Task_NotifyLeaveApproved";
        public static final String TASK_NOTIFY_REFUSED = "Task_NotifyLeaveRefused";
        public static final String TASK_REPORT_BACK = "Task_ReportBack";
        public static final String TASK_MARK_LEAVE_ATTENDANCE = "Task_MarkLeaveAttendance";
        public static final String END_REPORTED_BACK = "EndEvent_ReportedBack";
        public static final String END_LEAVE_REFUSED = "EndEvent_LeaveRefused";
        public static final String END_TRAINEE_NOTIFIED = "EndEvent_TraineeNotified";

        private Elements() {
        }
    }

    public static final class Vars {
        /** Start form: leave from (date-time). */
        public static final String LEAVE_START = "leaveStart";
        /** Start form: leave until (date-time). */
        public static final String LEAVE_END = "leaveEnd";
        /** Start form: the reason. */
        public static final String LEAVE_REASON = "leaveReason";
        public static final String LEAVE_ID = "leaveId";
        public static final String CLASS_ID = "classId";
        public static final String TRAINEE_USER = "traineeUser";
        public static final String INSTITUTION_GROUP = "institutionGroup";
        public static final String NEEDS_INSTITUTION_APPROVAL = "needsInstitutionApproval";
        /** When the leave ends: the report-back task's due date. */
        public static final String LEAVE_END_DATE = "leaveEndDate";
        public static final String LEAVE_APPROVED = "leaveApproved";
        /** Task-local: the leave shown in every task form. */
        public static final String LEAVE_SUMMARY = "leaveSummary";
        /** Approval forms: APPROVE or REFUSE. */
        public static final String LEAVE_DECISION = "leaveDecision";
        public static final String LEAVE_COMMENT = "leaveComment";
        /** Report-back form: the trainee confirms being back. */
        public static final String REPORTED_BACK = "reportedBack";

        private Vars() {
        }
    }

    /** The class teacher's or the institution's decision on a leave request. */
    public enum Decision {
        APPROVE, REFUSE
    }
}
