package cn.ganxun.delegates.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.FollowUpService;

/** 结束跟踪并总体评价 (R24, R29, R3a): closes the follow-up with a final evaluation per trainee. */
@Component
class CloseFollowUpDelegate implements JavaDelegate {

    private final FollowUpService followUps;

    CloseFollowUpDelegate(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUps.close(followUps.ofProcess(execution.getProcessInstanceId()).id());
    }
}
