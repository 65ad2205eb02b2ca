package cn.ganxun.delegates;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

import cn.ganxun.security.Actor;

/** The user on whose behalf the engine runs this step: the one logged in, else the task's assignee or the initiator. */
public final class ActingUser {

    /** The variable that {@code camunda:initiator} fills on the start events. */
    public static final String INITIATOR = "initiator";

    /** Who acted when no person did (a timer, or a step started by the system). */
    public static final String SYSTEM = Actor.SYSTEM;

    private ActingUser() {
    }

    public static String of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        String initiator = (String) execution.getVariable(INITIATOR);
        return initiator != null ? initiator : SYSTEM;
    }

    public static String of(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : SYSTEM;
    }
}
