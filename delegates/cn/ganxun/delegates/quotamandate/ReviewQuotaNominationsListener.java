package cn.ganxun.delegates.quotamandate;

import static cn.ganxun.dispatch.QuotaMandateProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.QuotaService;
import cn.ganxun.platform.InvalidInputException;

/** On completion of the org department's review: accept the unit's nominations or send them back. */
@Component
class ReviewQuotaNominationsListener implements TaskListener {

    private final QuotaService quotas;

    ReviewQuotaNominationsListener(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(REVIEW_DECISION);
        if (!"ACCEPT".equals(decision) && !"SEND_BACK".equals(decision)) {
            throw InvalidInputException.of(REVIEW_DECISION, "请选择审核结论");
        }
        quotas.review((Long) task.getVariable(ALLOCATION_ID), "ACCEPT".equals(decision),
                (String) task.getVariable(REVIEW_COMMENT));
    }
}
