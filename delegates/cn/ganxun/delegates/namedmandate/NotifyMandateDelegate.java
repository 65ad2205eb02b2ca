package cn.ganxun.delegates.namedmandate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.NamedMandateNotifications;
import cn.ganxun.dispatch.NamedMandateProcess.Vars;

/** 通知干部和单位. */
@Component
class NotifyMandateDelegate implements JavaDelegate {

    private final NamedMandateNotifications notifications;

    NotifyMandateDelegate(NamedMandateNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.notifyCadreAndUnit((Long) execution.getVariable(Vars.MANDATE_ID));
    }
}
