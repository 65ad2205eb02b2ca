package cn.ganxun.delegates.namedmandate;

import static cn.ganxun.dispatch.NamedMandateProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.MandateTasks;
import cn.ganxun.dispatch.NamedMandateService;
import cn.ganxun.platform.EngineClock;

/** 准备点名调训: the unit HR group of the cadre now named, the deadline, the reminder time, whether substituted. */
@Component
class PrepareMandateDelegate implements JavaDelegate {

    private final NamedMandateService mandates;

    PrepareMandateDelegate(NamedMandateService mandates) {
        this.mandates = mandates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MandateTasks tasks = mandates.tasks((Long) execution.getVariable(MANDATE_ID));
        execution.setVariable(UNIT_HR_GROUP, tasks.unitHrGroup());
        execution.setVariable(MANDATE_DEADLINE, EngineClock.toDate(tasks.deadline()));
        execution.setVariable(MANDATE_REMINDER_DATE, EngineClock.toDate(tasks.reminderDate()));
        execution.setVariable(SUBSTITUTED, tasks.substituted());
    }
}
