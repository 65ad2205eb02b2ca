package cn.ganxun.delegates.needssurvey;

import static cn.ganxun.survey.NeedsSurveyProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.survey.NeedsSurveyProcess.Elements;
import cn.ganxun.survey.SurveyTaskInfo;

/**
 * On creation of each needs-survey task: the form's Markdown (task-local) and the task's inputs as variables local to
 * the task's own execution, so the units' parallel follow-ups never share a decision.
 */
@Component
class SurveyFormListener implements TaskListener {

    private final SurveyTaskInfo info;

    SurveyFormListener(SurveyTaskInfo info) {
        this.info = info;
    }

    @Override
    public void notify(DelegateTask task) {
        long surveyId = SurveyVars.surveyId(task);
        if (Elements.TASK_WATCH_RESPONSES.equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal(FORM_INFO, info.responses(surveyId, ProcessVariables.id(task, UNIT_ID)));
            task.getExecution().setVariableLocal(FOLLOW_UP_DECISION, null);
            task.getExecution().setVariableLocal(CHASE_ID, null);
        } else {
            task.setVariableLocal(FORM_INFO, info.report(surveyId));
            task.getExecution().setVariableLocal(REVIEW_REMARKS, "");
        }
    }
}
