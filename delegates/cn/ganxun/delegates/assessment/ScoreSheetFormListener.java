package cn.ganxun.delegates.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.assessment.AssessmentProcess.Elements;
import cn.ganxun.assessment.RaterKind;
import cn.ganxun.assessment.ScoreService;

/**
 * On creation of each scoring task: the Markdown of the columns and trainees, and the task's inputs as task-local
 * variables (so parallel tasks never write the same process variable).
 */
@Component
class ScoreSheetFormListener implements TaskListener {

    private final ScoreService scores;

    ScoreSheetFormListener(ScoreService scores) {
        this.scores = scores;
    }

    @Override
    public void notify(DelegateTask task) {
        long classId = (Long) task.getVariable(CLASS_ID);
        switch (task.getTaskDefinitionKey()) {
            case Elements.TASK_SCORE_BY_TEACHER -> {
                task.setVariableLocal(SCORE_SHEET_INFO, scores.scoreSheetInfo(classId, RaterKind.CLASS_TEACHER, null));
                task.setVariableLocal(TEACHER_SCORES, "");
            }
            case Elements.TASK_SCORE_BY_LECTURER -> {
                task.setVariableLocal(SCORE_SHEET_INFO, scores.scoreSheetInfo(classId, RaterKind.LECTURER, null));
                task.setVariableLocal(LECTURER_SCORES, "");
            }
            case Elements.TASK_SCORE_BY_LIAISON -> {
                task.setVariableLocal(SCORE_SHEET_INFO, scores.scoreSheetInfo(classId, RaterKind.LIAISON, null));
                task.setVariableLocal(LIAISON_SCORES, "");
            }
            default -> {
                long traineeId = (Long) task.getVariable(TRAINEE_ID);
                String me = scores.roster(classId).stream().filter(t -> t.cadreId() == traineeId)
                        .map(t -> t.cadreNumber() + " " + t.name()).findFirst().orElse(String.valueOf(traineeId));
                task.setVariableLocal(SCORE_SHEET_INFO, "**学员：" + me + "**（无本人账号时由班主任代为填写）\n\n"
                        + scores.scoreSheetInfo(classId, RaterKind.PEER, traineeId));
                task.setVariableLocal(PEER_RATINGS, "");
                task.setVariableLocal(SELF_KNOWLEDGE, "");
                task.setVariableLocal(SELF_INSPIRATION, "");
                task.setVariableLocal(SELF_NEW_IDEAS, "");
            }
        }
    }
}
