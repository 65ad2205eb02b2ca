package cn.ganxun.delegates.quotamandate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.QuotaMandateProcess.Vars;
import cn.ganxun.dispatch.QuotaService;

/** 确认推荐名单. */
@Component
class ConfirmQuotaDelegate implements JavaDelegate {

    private final QuotaService quotas;

    ConfirmQuotaDelegate(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public void execute(DelegateExecution execution) {
        quotas.confirm((Long) execution.getVariable(Vars.ALLOCATION_ID));
    }
}
