package cn.ganxun.delegates.needssurvey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** The survey a {@code needs-survey} step works on, from the process business key. */
final class SurveyVars {

    private SurveyVars() {
    }

    /**
     * The survey of the process instance, from its business key {@code NS<id>} — not from a variable, which whoever
     * completes a task could overwrite.
     */
    static long surveyId(DelegateExecution execution) {
        return fromBusinessKey(execution.getProcessBusinessKey());
    }

    static long surveyId(DelegateTask task) {
        return fromBusinessKey(task.getExecution().getProcessBusinessKey());
    }

    private static long fromBusinessKey(String businessKey) {
        if (businessKey == null || !businessKey.startsWith("NS")) {
            throw new IllegalStateException("needs-survey instance without its business key NS<id>: " + businessKey);
        }
        return Long.parseLong(businessKey.substring(2));
    }
}
