package cn.ganxun.delegates.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.assessment.AssessmentService;

/** On creation of the review: the results table (Markdown, task-local) and an empty decision and corrections. */
@Component
class ResultsFormListener implements TaskListener {

    private final AssessmentService assessment;

    ResultsFormListener(AssessmentService assessment) {
        this.assessment = assessment;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(RESULTS_TABLE, assessment.resultsMarkdown((Long) task.getVariable(CLASS_ID)));
        task.getExecution().setVariable(REVIEW_DECISION, null);
        task.getExecution().setVariable(CORRECTIONS, "");
    }
}
