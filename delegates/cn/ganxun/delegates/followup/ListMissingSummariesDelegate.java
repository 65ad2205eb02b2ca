package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.MISSING_SUMMARY_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.FollowUpService;

/**
 * 列出未交学习心得 (R26): once every trainee's summary subprocess has ended, every summary still due is MISSING; how many
 * decides whether the institution gets the list.
 */
@Component
class ListMissingSummariesDelegate implements JavaDelegate {

    private final FollowUpService followUps;

    ListMissingSummariesDelegate(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int missing = followUps.listMissing(followUps.ofProcess(execution.getProcessInstanceId()).id()).size();
        execution.setVariable(MISSING_SUMMARY_COUNT, missing);
    }
}
