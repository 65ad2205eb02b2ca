package cn.ganxun.delegates.classfiling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingProcess;
import cn.ganxun.classes.FilingNotifications;

/** 督办超期审批: the review is overdue; the org department head is told and sees the task. */
@Component
class EscalateReviewDelegate implements JavaDelegate {

    private final FilingNotifications notifications;

    EscalateReviewDelegate(FilingNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.escalate((Long) execution.getVariable(ClassFilingProcess.Vars.CLASS_ID),
                execution.getProcessInstanceId());
    }
}
