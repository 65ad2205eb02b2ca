package cn.ganxun.delegates.classfiling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingProcess;
import cn.ganxun.classes.FilingNotifications;

/** 通知培训机构: e-mails the institution where its filing stands (once per revision and status). */
@Component
class NotifyInstitutionDelegate implements JavaDelegate {

    private final FilingNotifications notifications;

    NotifyInstitutionDelegate(FilingNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.notifyInstitution((Long) execution.getVariable(ClassFilingProcess.Vars.CLASS_ID));
    }
}
