package cn.ganxun.delegates.needssurvey;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

import cn.ganxun.survey.NeedsSurveyProcess.Vars;

/** Typed reads and writes of {@code needs-survey}'s variables shared by its delegates and listeners. */
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

    static long id(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }

    /** A list of ids as a JSON variable, for a multi-instance collection. */
    static ObjectValue ids(List<Long> ids) {
        return Variables.objectValue(new ArrayList<>(ids)).serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create();
    }
}
