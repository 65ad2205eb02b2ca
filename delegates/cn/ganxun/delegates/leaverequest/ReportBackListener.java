package cn.ganxun.delegates.leaverequest;

import static cn.ganxun.attendance.LeaveRequestProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.attendance.LeaveService;
import cn.ganxun.delegates.ActingUser;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.CurrentUser;

/** On completion of 销假: the trainee confirms being back. */
@Component
class ReportBackListener implements TaskListener {

    private final LeaveService leaves;
    private final CurrentUser currentUser;

    ReportBackListener(LeaveService leaves, CurrentUser currentUser) {
        this.leaves = leaves;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(REPORTED_BACK))) {
            throw InvalidInputException.of(REPORTED_BACK, "请确认已返回");
        }
        leaves.reportBack((Long) task.getVariable(LEAVE_ID), currentUser.of(ActingUser.of(task)));
    }
}
