package cn.ganxun.delegates.creditclaim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.credits.CreditClaimProcess.Vars;
import cn.ganxun.credits.RewardClaims;

/** 登记奖励学分 (R22): the approved claim's ledger entry, once. */
@Component
class PostRewardCreditsDelegate implements JavaDelegate {

    private final RewardClaims claims;

    PostRewardCreditsDelegate(RewardClaims claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.postCredits((Long) execution.getVariable(Vars.CLAIM_ID));
    }
}
