package cn.ganxun.delegates.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.assessment.RaterKind;
import cn.ganxun.assessment.ScoreService;
import cn.ganxun.delegates.ActingUser;

/** On completion of the 授课教师评分: records the lines; a refusal rolls the completion back with every problem named. */
@Component
class RecordLecturerScoresListener implements TaskListener {

    private final ScoreService scores;

    RecordLecturerScoresListener(ScoreService scores) {
        this.scores = scores;
    }

    @Override
    public void notify(DelegateTask task) {
        scores.recordScoreSheet((Long) task.getVariable(CLASS_ID), RaterKind.LECTURER, (String) task.getVariable(LECTURER),
                (String) task.getVariable(LECTURER_SCORES), ActingUser.of(task), LECTURER_SCORES);
    }
}
