package cn.ganxun.delegates.needssurvey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.survey.NeedsSurveyProcess.Vars;
import cn.ganxun.survey.SurveyService;

/** 开放调研 (R37): opens the survey for answers and lists its target units (one unit HR follow-up each). */
@Component
class OpenSurveyDelegate implements JavaDelegate {

    private final SurveyService surveys;

    OpenSurveyDelegate(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Vars.UNIT_IDS, ProcessVariables.jsonIds(surveys.open(SurveyVars.surveyId(execution))));
    }
}
