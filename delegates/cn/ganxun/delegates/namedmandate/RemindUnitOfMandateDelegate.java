package cn.ganxun.delegates.namedmandate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.NamedMandateNotifications;
import cn.ganxun.dispatch.NamedMandateProcess.Vars;

/** 提醒单位确认. */
@Component
class RemindUnitOfMandateDelegate implements JavaDelegate {

    private final NamedMandateNotifications notifications;

    RemindUnitOfMandateDelegate(NamedMandateNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.remindUnit((Long) execution.getVariable(Vars.MANDATE_ID));
    }
}
