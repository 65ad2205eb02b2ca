package cn.ganxun.delegates.creditclaim;

import static cn.ganxun.credits.CreditClaimProcess.Vars.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.credits.NewRewardClaim;
import cn.ganxun.credits.RewardClaims;
import cn.ganxun.credits.RewardClaims.SavedClaim;
import cn.ganxun.credits.RewardKind;
import cn.ganxun.credits.RewardRole;
import cn.ganxun.delegates.ActingUser;

/** 保存学分申请 (R22): stores the claim with the DMN's credits; sets the reviewers' group and due date. */
@Component
class SaveRewardClaimDelegate implements JavaDelegate {

    private final RewardClaims claims;

    SaveRewardClaimDelegate(RewardClaims claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NewRewardClaim claim = new NewRewardClaim(RewardKind.valueOf((String) execution.getVariable(REWARD_KIND)),
                RewardRole.valueOf((String) execution.getVariable(REWARD_ROLE)), (String) execution.getVariable(REWARD_TITLE),
                (Integer) execution.getVariable(CREDIT_YEAR), (String) execution.getVariable(EVIDENCE));
        Number credits = (Number) execution.getVariable(REWARD_CREDITS);
        SavedClaim saved = claims.save((Long) execution.getVariable(CADRE_ID), claim,
                credits == null ? null : credits.doubleValue(), ActingUser.of(execution));
        execution.setVariable(CLAIM_ID, saved.claimId());
        execution.setVariable(UNIT_HR_GROUP, saved.unitHrGroup());
        execution.setVariable(REVIEW_DUE_AT, saved.reviewDueAt());
        // the claim's text lives in reward_claim from now on
        execution.removeVariables(List.of(REWARD_TITLE, EVIDENCE));
    }
}
