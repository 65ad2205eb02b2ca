package cn.ganxun.delegates.classfiling;

import static cn.ganxun.classes.ClassFilingProcess.Elements.TASK_REVISE_FILING;
import static cn.ganxun.classes.ClassFilingProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;

/**
 * On creation of the revision and review tasks: the Chinese summary with the rule findings for both; for the revision
 * task also the stored filing as the form's fields (the tables stay the record; these are the form's working copy).
 * The review form shows only the summary, so the approver's task carries no copy of the filing.
 */
@Component
class FilingFormListener implements TaskListener {

    private final ClassFilingService filings;

    FilingFormListener(ClassFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void notify(DelegateTask task) {
        long classId = (Long) task.getVariable(CLASS_ID);
        TrainingClass trainingClass = filings.find(classId);
        if (TASK_REVISE_FILING.equals(task.getTaskDefinitionKey())) {
            task.getExecution().setVariables(filings.formVariables(classId));
        }
        task.getExecution().setVariable(FILING_SUMMARY, filings.reviewSummary(classId));
        task.getExecution().setVariable(CLASS_NUMBER, trainingClass.classNumber());
        task.getExecution().setVariable(INSTITUTION_NAME, trainingClass.institutionName());
        task.getExecution().removeVariables(java.util.List.of(REVIEW_DECISION, REVIEW_COMMENT, OVERRIDE_REASON));
    }
}
