package cn.ganxun.dispatch;

/** A candidate's enrollment (ENROLLED or COMPLETED) in a class other than the one being checked. */
record OtherEnrollment(long cadreId, boolean completed, ScheduledClass trainingClass) {

    /** How the message speaks of it: 已参加 (completed) or 已报名 (enrolled). */
    String attendance() {
        return completed ? "已参加" : "已报名";
    }
}
