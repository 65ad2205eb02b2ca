package cn.ganxun.delegates.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.CLASS_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.assessment.AssessmentService;

/** 计算考核结果: weighted results, grades, ranks and excellent-trainee candidates of the class. */
@Component
class ComputeResultsDelegate implements JavaDelegate {

    private final AssessmentService assessment;

    ComputeResultsDelegate(AssessmentService assessment) {
        this.assessment = assessment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessment.compute((Long) execution.getVariable(CLASS_ID));
    }
}
