package cn.ganxun.delegates.unitfeedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.feedback.FeedbackOccasion;
import cn.ganxun.feedback.UnitFeedbackProcess.Vars;
import cn.ganxun.feedback.UnitFeedbackService;

/**
 * 请求结果反馈 (R30), for a service task of the calling process (training-class: RESULTS; follow-up: FOLLOW_UP): reads
 * {@code classId} and the occasion from the task's input parameter {@code occasion}, and starts {@code unit-feedback}
 * unless it ran for this class and occasion already.
 */
@Component("requestUnitFeedbackDelegate")
class RequestUnitFeedbackDelegate implements JavaDelegate {

    private final UnitFeedbackService feedback;

    RequestUnitFeedbackDelegate(UnitFeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        feedback.request(((Number) execution.getVariable(Vars.CLASS_ID)).longValue(),
                FeedbackOccasion.valueOf((String) execution.getVariable(Vars.OCCASION)));
    }
}
