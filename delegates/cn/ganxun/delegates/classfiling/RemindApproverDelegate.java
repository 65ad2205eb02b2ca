package cn.ganxun.delegates.classfiling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingProcess;
import cn.ganxun.classes.FilingNotifications;

/** 提醒审批人: the review is due soon. */
@Component
class RemindApproverDelegate implements JavaDelegate {

    private final FilingNotifications notifications;

    RemindApproverDelegate(FilingNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.remindApprovers((Long) execution.getVariable(ClassFilingProcess.Vars.CLASS_ID),
                execution.getProcessInstanceId());
    }
}
