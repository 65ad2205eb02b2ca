package cn.ganxun.delegates.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.assessment.AssessmentProcess.Elements;
import cn.ganxun.assessment.RaterKind;
import cn.ganxun.assessment.ScoreService;

/**
 * On creation of each scoring task: the Markdown of the columns and trainees (task-local), and the task's inputs as
 * variables local to the task's own execution, so parallel tasks and multi-instances never write the same process
 * variable and a form never shows another rater's lines.
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
                task.getExecution().setVariableLocal(TEACHER_SCORES, "");
            }
            case Elements.TASK_SCORE_BY_LECTURER -> {
                task.setVariableLocal(SCORE_SHEET_INFO, scores.scoreSheetInfo(classId, RaterKind.LECTURER, null));
                task.getExecution().setVariableLocal(LECTURER_SCORES, "");
            }
            case Elements.TASK_SCORE_BY_LIAISON -> {
                task.setVariableLocal(SCORE_SHEET_INFO, scores.scoreSheetInfo(classId, RaterKind.LIAISON, null));
                task.getExecution().setVariableLocal(LIAISON_SCORES, "");
            }
            default -> {
                long traineeId = (Long) task.getVariable(TRAINEE_ID);
                String me = scores.roster(classId).stream().filter(t -> t.cadreId() == traineeId)
                        .map(t -> t.cadreNumber() + " " + t.name()).findFirst().orElse(String.valueOf(traineeId));
                task.setName(task.getName() + "（" + me + "）");
                task.setVariableLocal(SCORE_SHEET_INFO, "**学员：" + me + "**（无本人账号时由班主任代为填写）\n\n"
                        + scores.scoreSheetInfo(classId, RaterKind.PEER, traineeId));
                task.getExecution().setVariableLocal(PEER_RATINGS, "");
                task.getExecution().setVariableLocal(SELF_KNOWLEDGE, "");
                task.getExecution().setVariableLocal(SELF_INSPIRATION, "");
                task.getExecution().setVariableLocal(SELF_NEW_IDEAS, "");
            }
        }
    }
}
