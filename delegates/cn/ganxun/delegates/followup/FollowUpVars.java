package cn.ganxun.delegates.followup;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * Typed reads and writes of {@code follow-up}'s variables shared by its delegates and listeners. The follow-up itself
 * is never read from a variable (a task's submitter could overwrite it): steps resolve it from their process instance
 * with {@code FollowUpService.ofProcess}.
 */
final class FollowUpVars {

    private FollowUpVars() {
    }

    static long id(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** A list of ids as a JSON variable, for a multi-instance collection. */
    static ObjectValue ids(List<Long> ids) {
        return Variables.objectValue(new ArrayList<>(ids)).serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create();
    }
}
