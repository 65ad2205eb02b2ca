package cn.ganxun.delegates.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.assessment.ScoreService;
import cn.ganxun.assessment.SelfEvaluation;
import cn.ganxun.delegates.ActingUser;

/**
 * On completion of a trainee's task: the democratic ratings of the classmates and the self-evaluation (R25), both or
 * neither; recorded as entered by whoever completed it (the trainee, or a class teacher on their behalf).
 */
@Component
class RecordPeerRatingListener implements TaskListener {

    private final ScoreService scores;

    RecordPeerRatingListener(ScoreService scores) {
        this.scores = scores;
    }

    @Override
    public void notify(DelegateTask task) {
        long classId = (Long) task.getVariable(CLASS_ID);
        long traineeId = (Long) task.getVariable(TRAINEE_ID);
        String actor = ActingUser.of(task);
        scores.recordPeerRatingSheet(classId, traineeId, (String) task.getVariable(PEER_RATINGS), actor, PEER_RATINGS);
        scores.writeSelfEvaluation(classId, traineeId, new SelfEvaluation((String) task.getVariable(SELF_KNOWLEDGE),
                (String) task.getVariable(SELF_INSPIRATION), (String) task.getVariable(SELF_NEW_IDEAS)), actor);
    }
}
