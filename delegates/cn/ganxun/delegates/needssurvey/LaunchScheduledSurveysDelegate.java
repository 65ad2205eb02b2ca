package cn.ganxun.delegates.needssurvey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.survey.NeedsSurveyProcess.Vars;
import cn.ganxun.survey.SurveySchedules;

/** 发起到期的周期调研 (R38): one new survey (and process instance) per due schedule. */
@Component
class LaunchScheduledSurveysDelegate implements JavaDelegate {

    private final SurveySchedules schedules;

    LaunchScheduledSurveysDelegate(SurveySchedules schedules) {
        this.schedules = schedules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Vars.LAUNCHED_SURVEYS, schedules.launchDue().size());
    }
}
