package cn.ganxun.delegates.namedmandate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.NamedMandateNotifications;
import cn.ganxun.dispatch.NamedMandateProcess.Vars;

/** 通知组织部不符合调训规则. */
@Component
class NotifyOrgDeptOfBlockDelegate implements JavaDelegate {

    private final NamedMandateNotifications notifications;

    NotifyOrgDeptOfBlockDelegate(NamedMandateNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.notifyOrgDeptOfBlock((Long) execution.getVariable(Vars.MANDATE_ID));
    }
}
