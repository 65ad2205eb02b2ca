package cn.ganxun.delegates.leaverequest;

import static cn.ganxun.attendance.LeaveRequestProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.attendance.LeaveService;

/** On creation of each leave task: the request's summary (task-local, shown by the form). */
@Component
class LeaveFormListener implements TaskListener {

    private final LeaveService leaves;

    LeaveFormListener(LeaveService leaves) {
        this.leaves = leaves;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(LEAVE_SUMMARY, leaves.summary((Long) task.getVariable(LEAVE_ID)));
    }
}
