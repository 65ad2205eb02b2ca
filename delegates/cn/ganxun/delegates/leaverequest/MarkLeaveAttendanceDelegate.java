package cn.ganxun.delegates.leaverequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.attendance.LeaveRequestProcess.Vars;
import cn.ganxun.attendance.LeaveService;
import cn.ganxun.delegates.ActingUser;

/** 登记请假考勤: the sessions inside the leave are marked ON_LEAVE (source LEAVE). */
@Component
class MarkLeaveAttendanceDelegate implements JavaDelegate {

    private final LeaveService leaves;

    MarkLeaveAttendanceDelegate(LeaveService leaves) {
        this.leaves = leaves;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leaves.markAttendance((Long) execution.getVariable(Vars.LEAVE_ID), ActingUser.of(execution));
    }
}
