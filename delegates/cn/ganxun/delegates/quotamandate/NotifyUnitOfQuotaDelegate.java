package cn.ganxun.delegates.quotamandate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.QuotaMandateProcess.Vars;
import cn.ganxun.dispatch.QuotaNotifications;

/** 通知单位推荐. */
@Component
class NotifyUnitOfQuotaDelegate implements JavaDelegate {

    private final QuotaNotifications notifications;

    NotifyUnitOfQuotaDelegate(QuotaNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.notifyUnit((Long) execution.getVariable(Vars.ALLOCATION_ID));
    }
}
