package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.TRAINEE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.followup.FollowUpService;

/**
 * 催交学习心得 (R26): once, by mail through the outbox, to the trainee of this summary subprocess and their unit's HR.
 * Follow-ups started on a model version without the per-trainee subprocess have no trainee in scope at their one
 * timer: they chase every trainee still owing a summary.
 */
@Component
class ChaseSummariesDelegate implements JavaDelegate {

    private final FollowUpService followUps;

    ChaseSummariesDelegate(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long followUpId = followUps.ofProcess(execution.getProcessInstanceId()).id();
        if (execution.hasVariable(TRAINEE_ID)) {
            followUps.chaseSummary(followUpId, ProcessVariables.id(execution, TRAINEE_ID));
        } else {
            followUps.chaseSummaries(followUpId);
        }
    }
}
