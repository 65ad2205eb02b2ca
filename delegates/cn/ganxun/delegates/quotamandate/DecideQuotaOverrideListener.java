package cn.ganxun.delegates.quotamandate;

import static cn.ganxun.dispatch.QuotaMandateProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.dispatch.OverrideDecision;
import cn.ganxun.dispatch.QuotaService;

/** On completion of the override review (R10 "generally" rules): override with reason, or refuse. */
@Component
class DecideQuotaOverrideListener implements TaskListener {

    private final QuotaService quotas;

    DecideQuotaOverrideListener(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public void notify(DelegateTask task) {
        OverrideDecision decision = TaskDecisions.required(task, OVERRIDE_DECISION, OverrideDecision.class, "请选择是否特批");
        quotas.decideOverride((Long) task.getVariable(ALLOCATION_ID), decision == OverrideDecision.OVERRIDE,
                (String) task.getVariable(OVERRIDE_REASON), ActingUser.of(task));
    }
}
