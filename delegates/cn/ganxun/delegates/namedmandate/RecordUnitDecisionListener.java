package cn.ganxun.delegates.namedmandate;

import static cn.ganxun.dispatch.NamedMandateProcess.Vars.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.dispatch.NamedMandateProcess.UnitDecision;
import cn.ganxun.dispatch.NamedMandateService;

/**
 * On completion of 确认点名调训: the unit confirms, or asks to substitute (R8). A refused substitute (unknown, not
 * active, another unit, blocked by a rule) rolls the completion back and Tasklist shows why.
 */
@Component
class RecordUnitDecisionListener implements TaskListener {

    private final NamedMandateService mandates;

    RecordUnitDecisionListener(NamedMandateService mandates) {
        this.mandates = mandates;
    }

    @Override
    public void notify(DelegateTask task) {
        UnitDecision decision = TaskDecisions.required(task, UNIT_DECISION, UnitDecision.class, "请选择确认参训或申请替换");
        mandates.decideUnit((Long) task.getVariable(MANDATE_ID), decision,
                (String) task.getVariable(SUBSTITUTE_CADRE_NUMBER), (String) task.getVariable(SUBSTITUTION_REASON),
                ActingUser.of(task));
        task.getExecution().removeVariables(List.of(SUBSTITUTE_CADRE_NUMBER, SUBSTITUTION_REASON));
    }
}
