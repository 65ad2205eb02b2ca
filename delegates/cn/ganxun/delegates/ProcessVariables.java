package cn.ganxun.delegates;

import java.util.ArrayList;
import java.util.Collection;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/** Typed reads of process variables and the JSON id lists that multi-instance collections iterate over. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static long id(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }

    /** The variable as text, or null when it is not set. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** A list of ids as a JSON variable (no Java serialization), for a multi-instance collection. */
    public static ObjectValue jsonIds(Collection<Long> ids) {
        return Variables.objectValue(new ArrayList<>(ids)).serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create();
    }
}
