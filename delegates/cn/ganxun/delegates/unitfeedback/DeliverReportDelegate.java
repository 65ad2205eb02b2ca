package cn.ganxun.delegates.unitfeedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.feedback.UnitFeedbackProcess.Vars;
import cn.ganxun.feedback.UnitFeedbackService;

/** 发送反馈报告 (R30): after an async boundary with back-off retries; the outbox never sends a copy twice. */
@Component
class DeliverReportDelegate implements JavaDelegate {

    private final UnitFeedbackService feedback;

    DeliverReportDelegate(UnitFeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        feedback.deliver(((Number) execution.getVariable(Vars.REPORT_ID)).longValue());
    }
}
