package cn.ganxun.delegates.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.FollowUpService;

/** 列出未交学习心得 (R26): after the grace period, every summary still due is MISSING and listed for the institution. */
@Component
class ListMissingSummariesDelegate implements JavaDelegate {

    private final FollowUpService followUps;

    ListMissingSummariesDelegate(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUps.listMissing(followUps.ofProcess(execution.getProcessInstanceId()).id());
    }
}
