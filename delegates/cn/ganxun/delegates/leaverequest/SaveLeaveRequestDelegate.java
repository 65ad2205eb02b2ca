package cn.ganxun.delegates.leaverequest;

import static cn.ganxun.attendance.LeaveRequestProcess.Vars.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ganxun.attendance.LeaveRequest;
import cn.ganxun.attendance.LeaveService;
import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.delegates.ActingUser;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;

/**
 * 保存请假申请: stores the start form as a leave request of the initiator's cadre and keeps only ids and flags in the
 * process. A refusal rolls the start back and Tasklist shows the message.
 */
@Component
class SaveLeaveRequestDelegate implements JavaDelegate {

    private final LeaveService leaves;
    private final ClassFilingService classes;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    SaveLeaveRequestDelegate(LeaveService leaves, ClassFilingService classes, CurrentUser currentUser, JdbcClient jdbc) {
        this.leaves = leaves;
        this.classes = classes;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String userId = ActingUser.of(execution);
        LeaveRequest leave = leaves.request(currentUser.of(userId), text(execution.getVariable(LEAVE_START)),
                text(execution.getVariable(LEAVE_END)), (String) execution.getVariable(LEAVE_REASON));
        TrainingClass c = classes.find(leave.classId());
        execution.setProcessBusinessKey(jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(leave.cadreId())
                .query(String.class).single());
        execution.setVariable(LEAVE_ID, leave.id());
        execution.setVariable(CLASS_ID, leave.classId());
        execution.setVariable(TRAINEE_USER, leaves.accountOf(leave.cadreId()).orElse(userId));
        execution.setVariable(INSTITUTION_GROUP, Groups.institution(c.institutionCode()));
        execution.setVariable(NEEDS_INSTITUTION_APPROVAL, leaves.needsInstitutionApproval(leave));
        execution.setVariable(LEAVE_END_DATE, EngineClock.toDate(leave.endsAt()));
        execution.removeVariables(List.of(LEAVE_START, LEAVE_END, LEAVE_REASON));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
