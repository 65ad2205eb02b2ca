package cn.ganxun.delegates;

import org.camunda.bpm.engine.delegate.DelegateTask;

import cn.ganxun.platform.InvalidInputException;

/** Reads the decision a Camunda Form's radio group submitted as one of an enum's constants. */
public final class TaskDecisions {

    private TaskDecisions() {
    }

    /**
     * The constant named by the task variable.
     *
     * @throws InvalidInputException with {@code message} (Chinese, shown in Tasklist) when the variable is missing or
     *                               names no constant; the completion is rolled back
     */
    public static <E extends Enum<E>> E required(DelegateTask task, String variable, Class<E> type, String message) {
        Object value = task.getVariable(variable);
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.toString())) {
                    return constant;
                }
            }
        }
        throw InvalidInputException.of(variable, message);
    }
}
