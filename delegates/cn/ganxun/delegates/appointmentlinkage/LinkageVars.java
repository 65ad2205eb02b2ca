package cn.ganxun.delegates.appointmentlinkage;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.linkage.AppointmentLinkageProcess.Vars;
import cn.ganxun.platform.FormDates;

/** Reads the process's variables: the promotion id and form dates ("yyyy-MM-dd", as Tasklist sends them). */
final class LinkageVars {

    private LinkageVars() {
    }

    static long promotionId(VariableScope scope) {
        return ((Number) scope.getVariable(Vars.PROMOTION_ID)).longValue();
    }

    static LocalDate date(VariableScope scope, String name, String label) {
        return FormDates.day(ProcessVariables.text(scope, name), name, label);
    }
}
