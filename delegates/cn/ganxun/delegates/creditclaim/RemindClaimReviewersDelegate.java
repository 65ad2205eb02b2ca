package cn.ganxun.delegates.creditclaim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.credits.CreditClaimProcess.Vars;
import cn.ganxun.credits.RewardClaims;

/** 催办学分审核: one reminder mail per claim and unit HR user. */
@Component
class RemindClaimReviewersDelegate implements JavaDelegate {

    private final RewardClaims claims;

    RemindClaimReviewersDelegate(RewardClaims claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.remindReviewers((Long) execution.getVariable(Vars.CLAIM_ID), (String) execution.getVariable(Vars.UNIT_HR_GROUP));
    }
}
