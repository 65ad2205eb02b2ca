package cn.ganxun.delegates.needssurvey;

import static cn.ganxun.survey.NeedsSurveyProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.survey.NeedsSurveyProcess.FollowUpDecision;
import cn.ganxun.survey.SurveyService;

/** On completion of 跟进本单位答卷: checks the decision; a chase is recorded in the unit HR's name for its mails. */
@Component
class RecordFollowUpDecisionListener implements TaskListener {

    private final SurveyService surveys;
    private final CurrentUser currentUser;

    RecordFollowUpDecisionListener(SurveyService surveys, CurrentUser currentUser) {
        this.surveys = surveys;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        FollowUpDecision decision = TaskDecisions.required(task, FOLLOW_UP_DECISION, FollowUpDecision.class,
                "请选择：催办未答干部（CHASE）或结束跟进（DONE）");
        if (decision == FollowUpDecision.CHASE) {
            task.getExecution().setVariableLocal(CHASE_ID,
                    surveys.requestChase(SurveyVars.surveyId(task), ProcessVariables.id(task, UNIT_ID),
                    currentUser.of(ActingUser.of(task))));
        }
    }
}
