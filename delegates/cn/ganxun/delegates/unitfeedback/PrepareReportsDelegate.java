package cn.ganxun.delegates.unitfeedback;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.feedback.FeedbackOccasion;
import cn.ganxun.feedback.UnitFeedbackProcess.Vars;
import cn.ganxun.feedback.UnitFeedbackService;

/** 生成反馈报告 (R30): one report per employer unit; the ids go to the delivery multi-instance (as JSON). */
@Component
class PrepareReportsDelegate implements JavaDelegate {

    private final UnitFeedbackService feedback;

    PrepareReportsDelegate(UnitFeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Long> reportIds = feedback.prepareReports(((Number) execution.getVariable(Vars.CLASS_ID)).longValue(),
                FeedbackOccasion.valueOf((String) execution.getVariable(Vars.OCCASION)), execution.getProcessInstanceId());
        execution.setVariable(Vars.REPORT_IDS, ProcessVariables.jsonIds(reportIds));
    }
}
