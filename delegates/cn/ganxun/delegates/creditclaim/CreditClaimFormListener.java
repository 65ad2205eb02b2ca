package cn.ganxun.delegates.creditclaim;

import static cn.ganxun.credits.CreditClaimProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.credits.RewardClaims;

/** On creation of the review task: the claim as Markdown (task-local, shown by the form). */
@Component
class CreditClaimFormListener implements TaskListener {

    private final RewardClaims claims;

    CreditClaimFormListener(RewardClaims claims) {
        this.claims = claims;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(CLAIM_INFO, claims.summary((Long) task.getVariable(CLAIM_ID)));
    }
}
