package cn.ganxun.delegates.classfiling;

import static cn.ganxun.classes.ClassFilingProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.ReviewDecision;
import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.TaskDecisions;

/**
 * On completion of the review: records the approver's decision. A refused decision (no comment, a late
 * filing approved without override reason, R13) throws, so the completion is rolled back and Tasklist shows
 * why.
 */
@Component
class ReviewDecisionListener implements TaskListener {

    private final ClassFilingService filings;

    ReviewDecisionListener(ClassFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision parsed = TaskDecisions.required(task, REVIEW_DECISION, ReviewDecision.class, "请选择审批结论");
        filings.decide((Long) task.getVariable(CLASS_ID), parsed, (String) task.getVariable(REVIEW_COMMENT),
                (String) task.getVariable(OVERRIDE_REASON), ActingUser.of(task));
        task.getExecution().removeVariables(REVIEW_DISPLAY);
    }
}
