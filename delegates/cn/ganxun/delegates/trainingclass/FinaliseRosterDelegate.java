package cn.ganxun.delegates.trainingclass;

import static cn.ganxun.classes.TrainingClassProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.RosterService;

/** 确定参训名单: writes the enrollments (R3a) once every mandate and allocation is settled. */
@Component
class FinaliseRosterDelegate implements JavaDelegate {

    private final RosterService roster;

    FinaliseRosterDelegate(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ENROLLED_COUNT, roster.finalise((Long) execution.getVariable(CLASS_ID)));
    }
}
