package cn.ganxun.delegates.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.FollowUpService;

/** 催交学习心得 (R26): once, by mail through the outbox, to each trainee still owing a summary and their unit's HR. */
@Component
class ChaseSummariesDelegate implements JavaDelegate {

    private final FollowUpService followUps;

    ChaseSummariesDelegate(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUps.chaseSummaries(followUps.ofProcess(execution.getProcessInstanceId()).id());
    }
}
