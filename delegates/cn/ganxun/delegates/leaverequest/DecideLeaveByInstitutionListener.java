package cn.ganxun.delegates.leaverequest;

import static cn.ganxun.attendance.LeaveRequestProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.attendance.LeaveRequestProcess.Decision;
import cn.ganxun.attendance.LeaveService;
import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.security.CurrentUser;

/** On completion of the institution's approval of a long leave: approve, or refuse with a comment. */
@Component
class DecideLeaveByInstitutionListener implements TaskListener {

    private final LeaveService leaves;
    private final CurrentUser currentUser;

    DecideLeaveByInstitutionListener(LeaveService leaves, CurrentUser currentUser) {
        this.leaves = leaves;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = TaskDecisions.required(task, LEAVE_DECISION, Decision.class, "请选择是否批准");
        boolean approved = leaves.decideByInstitution((Long) task.getVariable(LEAVE_ID), decision,
                (String) task.getVariable(LEAVE_COMMENT), currentUser.of(ActingUser.of(task)));
        task.getExecution().setVariable(LEAVE_APPROVED, approved);
    }
}
