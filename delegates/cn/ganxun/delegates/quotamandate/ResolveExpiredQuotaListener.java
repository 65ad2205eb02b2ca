package cn.ganxun.delegates.quotamandate;

import static cn.ganxun.dispatch.QuotaMandateProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.dispatch.QuotaMandateProcess.ExpiredDecision;
import cn.ganxun.dispatch.QuotaService;

/**
 * On completion of the expired-quota task: extend, reassign (the process goes on with the new unit's
 * allocation) or leave the seats empty.
 */
@Component
class ResolveExpiredQuotaListener implements TaskListener {

    private final QuotaService quotas;

    ResolveExpiredQuotaListener(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public void notify(DelegateTask task) {
        ExpiredDecision decision = TaskDecisions.required(task, EXPIRED_DECISION, ExpiredDecision.class, "请选择处理方式");
        long allocationId = quotas.resolveExpired((Long) task.getVariable(ALLOCATION_ID), decision,
                (String) task.getVariable(NEW_DEADLINE), (String) task.getVariable(TARGET_UNIT_CODE));
        task.getExecution().setVariable(ALLOCATION_ID, allocationId);
    }
}
