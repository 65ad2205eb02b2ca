package cn.ganxun.delegates.leaverequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.attendance.LeaveNotifications;
import cn.ganxun.attendance.LeaveRequestProcess.Vars;

/** 通知学员审批结果 (approved or refused; the outbox key carries the outcome). */
@Component
class NotifyLeaveDecisionDelegate implements JavaDelegate {

    private final LeaveNotifications notifications;

    NotifyLeaveDecisionDelegate(LeaveNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.notifyTrainee((Long) execution.getVariable(Vars.LEAVE_ID));
    }
}
