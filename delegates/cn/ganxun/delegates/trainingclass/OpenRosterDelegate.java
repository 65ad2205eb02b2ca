package cn.ganxun.delegates.trainingclass;

import static cn.ganxun.classes.TrainingClassProcess.Vars.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.dispatch.RosterService;

/** 建立调训名单: stores the org department's seat plan; a refused plan rolls the form submission back. */
@Component
class OpenRosterDelegate implements JavaDelegate {

    private final RosterService roster;

    OpenRosterDelegate(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long classId = (Long) execution.getVariable(CLASS_ID);
        roster.open(classId, roster.planFromForm((String) execution.getVariable(ENROLLMENT_DEADLINE),
                (String) execution.getVariable(NAMED_CADRES), (String) execution.getVariable(QUOTA_ALLOCATIONS),
                (Boolean) execution.getVariable(REVIEW_NOMINATIONS)), ActingUser.of(execution));
        execution.removeVariables(List.of(ENROLLMENT_DEADLINE, NAMED_CADRES, QUOTA_ALLOCATIONS, REVIEW_NOMINATIONS));
    }
}
