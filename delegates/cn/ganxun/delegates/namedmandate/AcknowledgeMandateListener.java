package cn.ganxun.delegates.namedmandate;

import static cn.ganxun.dispatch.NamedMandateProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.dispatch.NamedMandateService;

/** On completion of 确认参训通知: the cadre (or their unit HR on their behalf) acknowledged; the mandate is settled. */
@Component
class AcknowledgeMandateListener implements TaskListener {

    private final NamedMandateService mandates;

    AcknowledgeMandateListener(NamedMandateService mandates) {
        this.mandates = mandates;
    }

    @Override
    public void notify(DelegateTask task) {
        mandates.acknowledge((Long) task.getVariable(MANDATE_ID), Boolean.TRUE.equals(task.getVariable(ACKNOWLEDGED)),
                ActingUser.of(task));
    }
}
