package cn.ganxun.delegates.quotamandate;

import static cn.ganxun.dispatch.QuotaMandateProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.dispatch.QuotaMandateProcess.ReviewDecision;
import cn.ganxun.dispatch.QuotaService;

/** On completion of the org department's review: accept the unit's nominations or send them back. */
@Component
class ReviewQuotaNominationsListener implements TaskListener {

    private final QuotaService quotas;

    ReviewQuotaNominationsListener(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = TaskDecisions.required(task, REVIEW_DECISION, ReviewDecision.class, "请选择审核结论");
        quotas.review((Long) task.getVariable(ALLOCATION_ID), decision == ReviewDecision.ACCEPT,
                (String) task.getVariable(REVIEW_COMMENT));
    }
}
