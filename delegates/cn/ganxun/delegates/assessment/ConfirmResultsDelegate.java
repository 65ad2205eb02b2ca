package cn.ganxun.delegates.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.assessment.AssessmentService;
import cn.ganxun.delegates.ActingUser;

/** 确认考核结果: records who confirmed (the reviewer) and when; the enrollments get their grades. */
@Component
class ConfirmResultsDelegate implements JavaDelegate {

    private final AssessmentService assessment;

    ConfirmResultsDelegate(AssessmentService assessment) {
        this.assessment = assessment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reviewer = execution.getVariable(REVIEWED_BY);
        assessment.confirm((Long) execution.getVariable(CLASS_ID), reviewer != null ? (String) reviewer : ActingUser.of(execution));
    }
}
