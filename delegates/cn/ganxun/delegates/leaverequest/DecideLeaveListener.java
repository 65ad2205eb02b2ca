package cn.ganxun.delegates.leaverequest;

import static cn.ganxun.attendance.LeaveRequestProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.attendance.LeaveRequestProcess.Decision;
import cn.ganxun.attendance.LeaveRequestProcess.Elements;
import cn.ganxun.attendance.LeaveService;
import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;

/**
 * On completion of an approval step — the class teacher's, or the institution's for a long leave: approve, or
 * refuse with a comment.
 */
@Component
class DecideLeaveListener implements TaskListener {

    private final LeaveService leaves;
    private final CurrentUser currentUser;

    DecideLeaveListener(LeaveService leaves, CurrentUser currentUser) {
        this.leaves = leaves;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = TaskDecisions.required(task, LEAVE_DECISION, Decision.class, "请选择是否批准");
        long leaveId = (Long) task.getVariable(LEAVE_ID);
        String comment = (String) task.getVariable(LEAVE_COMMENT);
        Actor actor = currentUser.of(ActingUser.of(task));
        boolean approved = Elements.TASK_APPROVE_BY_INSTITUTION.equals(task.getTaskDefinitionKey())
                ? leaves.decideByInstitution(leaveId, decision, comment, actor)
                : leaves.decideByTeacher(leaveId, decision, comment, actor);
        task.getExecution().setVariable(LEAVE_APPROVED, approved);
    }
}
