package cn.ganxun.delegates.appointmentlinkage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.ganxun.linkage.AppointmentLinkageProcess.Vars;
import cn.ganxun.platform.InvalidInputException;

/** Reads the process's variables: ids, texts and form dates ("yyyy-MM-dd", as Tasklist sends them). */
final class LinkageVars {

    private LinkageVars() {
    }

    static long promotionId(VariableScope scope) {
        return ((Number) scope.getVariable(Vars.PROMOTION_ID)).longValue();
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static LocalDate date(VariableScope scope, String name, String label) {
        String value = text(scope, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String day = value.strip();
        try {
            return LocalDate.parse(day.substring(0, Math.min(10, day.length())));
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, label + "格式应为 yyyy-MM-dd：" + value);
        }
    }
}
