package cn.ganxun.delegates.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

import cn.ganxun.followup.FollowUp;
import cn.ganxun.followup.FollowUpProcess.Vars;
import cn.ganxun.platform.EngineClock;

/** Typed reads and writes of {@code follow-up}'s variables shared by its delegates and listeners. */
final class FollowUpVars {

    private FollowUpVars() {
    }

    static long followUpId(VariableScope scope) {
        return id(scope, Vars.FOLLOW_UP_ID);
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

    /** A timer or due date: the day at the end of the working day. */
    static Date endOfDay(LocalDate day) {
        return EngineClock.toDate(day.atTime(FollowUp.END_OF_DAY));
    }
}
