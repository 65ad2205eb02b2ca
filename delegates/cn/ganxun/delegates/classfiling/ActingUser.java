package cn.ganxun.delegates.classfiling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

import cn.ganxun.classes.ClassFilingProcess;

/** The user on whose behalf the engine runs this step: the one logged in, else the task's assignee or the initiator. */
final class ActingUser {

    private ActingUser() {
    }

    static String of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return (String) execution.getVariable(ClassFilingProcess.Vars.INITIATOR);
    }

    static String of(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "system";
    }
}
