package cn.ganxun.delegates.creditclaim;

import static cn.ganxun.credits.CreditClaimProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.credits.CreditClaimProcess.Decision;
import cn.ganxun.credits.RewardClaims;
import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.security.CurrentUser;

/** On completion of 审核奖励学分申请: approve, or refuse with a reason (R22). */
@Component
class DecideRewardClaimListener implements TaskListener {

    private final RewardClaims claims;
    private final CurrentUser currentUser;

    DecideRewardClaimListener(RewardClaims claims, CurrentUser currentUser) {
        this.claims = claims;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = TaskDecisions.required(task, CLAIM_DECISION, Decision.class, "请选择是否认定奖励学分");
        boolean approved = claims.decide((Long) task.getVariable(CLAIM_ID), task.getExecution().getProcessBusinessKey(), decision,
                (String) task.getVariable(CLAIM_DECISION_REASON), currentUser.of(ActingUser.of(task)));
        task.getExecution().setVariable(CLAIM_APPROVED, approved);
    }
}
