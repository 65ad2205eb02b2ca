package cn.ganxun.delegates.namedmandate;

import static cn.ganxun.dispatch.NamedMandateProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.dispatch.OverrideDecision;
import cn.ganxun.dispatch.NamedMandateService;

/** On completion of 审核调训规则特批 (R10 "generally" rules): override with a reason, or refuse. */
@Component
class DecideMandateOverrideListener implements TaskListener {

    private final NamedMandateService mandates;

    DecideMandateOverrideListener(NamedMandateService mandates) {
        this.mandates = mandates;
    }

    @Override
    public void notify(DelegateTask task) {
        OverrideDecision decision = TaskDecisions.required(task, OVERRIDE_DECISION, OverrideDecision.class, "请选择是否特批");
        mandates.decideOverride((Long) task.getVariable(MANDATE_ID), decision, (String) task.getVariable(OVERRIDE_REASON),
                ActingUser.of(task));
        task.getExecution().removeVariable(OVERRIDE_REASON);
    }
}
