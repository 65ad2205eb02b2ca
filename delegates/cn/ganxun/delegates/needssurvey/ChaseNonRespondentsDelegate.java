package cn.ganxun.delegates.needssurvey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.survey.NeedsSurveyProcess.Vars;
import cn.ganxun.survey.SurveyService;

/** 催办未答干部 (R37): one reminder per cadre who has not answered, through the outbox (never twice per chase). */
@Component
class ChaseNonRespondentsDelegate implements JavaDelegate {

    private final SurveyService surveys;

    ChaseNonRespondentsDelegate(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        surveys.sendChase(ProcessVariables.id(execution, Vars.CHASE_ID));
    }
}
