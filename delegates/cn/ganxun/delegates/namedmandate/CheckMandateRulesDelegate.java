package cn.ganxun.delegates.namedmandate;

import static cn.ganxun.dispatch.NamedMandateProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.NamedMandateService;

/** 核验调训规则 (R1, R10) for the mandate's current cadre; the outcome drives the gateway. */
@Component
class CheckMandateRulesDelegate implements JavaDelegate {

    private final NamedMandateService mandates;

    CheckMandateRulesDelegate(NamedMandateService mandates) {
        this.mandates = mandates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(RULE_OUTCOME, mandates.checkRules((Long) execution.getVariable(MANDATE_ID)).name());
    }
}
