package cn.ganxun.delegates.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.assessment.RaterKind;
import cn.ganxun.assessment.ScoreService;
import cn.ganxun.delegates.ActingUser;

/** On completion of the 联络员评分: records the lines; a refusal rolls the completion back with every problem named. */
@Component
class RecordLiaisonScoresListener implements TaskListener {

    private final ScoreService scores;

    RecordLiaisonScoresListener(ScoreService scores) {
        this.scores = scores;
    }

    @Override
    public void notify(DelegateTask task) {
        scores.recordScoreSheet((Long) task.getVariable(CLASS_ID), RaterKind.LIAISON, (String) task.getVariable(LIAISON),
                (String) task.getVariable(LIAISON_SCORES), ActingUser.of(task), LIAISON_SCORES);
    }
}
