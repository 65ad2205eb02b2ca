package cn.ganxun.delegates.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.assessment.AssessmentProcess.ReviewDecision;
import cn.ganxun.assessment.AssessmentService;
import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.platform.InvalidInputException;

/** On completion of the review: confirm, or apply the corrections (with reasons) and recompute for another review. */
@Component
class ReviewResultsListener implements TaskListener {

    private final AssessmentService assessment;

    ReviewResultsListener(AssessmentService assessment) {
        this.assessment = assessment;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = TaskDecisions.required(task, REVIEW_DECISION, ReviewDecision.class, "请选择审核结论");
        String corrections = (String) task.getVariable(CORRECTIONS);
        if (decision == ReviewDecision.CORRECT) {
            assessment.correctSheet((Long) task.getVariable(CLASS_ID), corrections, ActingUser.of(task), CORRECTIONS);
        } else if (corrections != null && !corrections.isBlank()) {
            throw InvalidInputException.of(CORRECTIONS, "确认结果时不能填写更正内容；如需更正请选择“更正评分”");
        }
        task.getExecution().setVariable(REVIEW_DECISION, decision.name());
        task.getExecution().setVariable(REVIEWED_BY, ActingUser.of(task));
    }
}
