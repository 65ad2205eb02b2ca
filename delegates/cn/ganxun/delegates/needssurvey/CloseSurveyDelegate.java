package cn.ganxun.delegates.needssurvey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.survey.SurveyService;

/** 截止调研 (R37): no more answers; every answer set re-written in random order. */
@Component
class CloseSurveyDelegate implements JavaDelegate {

    private final SurveyService surveys;

    CloseSurveyDelegate(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        surveys.close(SurveyVars.surveyId(execution));
    }
}
