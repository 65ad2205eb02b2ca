package cn.ganxun.delegates.quotamandate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.QuotaMandateProcess.Vars;
import cn.ganxun.dispatch.QuotaNotifications;

/** 提醒单位推荐. */
@Component
class RemindUnitOfQuotaDelegate implements JavaDelegate {

    private final QuotaNotifications notifications;

    RemindUnitOfQuotaDelegate(QuotaNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.remindUnit((Long) execution.getVariable(Vars.ALLOCATION_ID));
    }
}
