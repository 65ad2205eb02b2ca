package cn.ganxun.delegates.namedmandate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.NamedMandateProcess.Vars;
import cn.ganxun.dispatch.NamedMandateService;

/** 列入调训名单: the cadre takes a seat of the class. */
@Component
class NominateMandateCadreDelegate implements JavaDelegate {

    private final NamedMandateService mandates;

    NominateMandateCadreDelegate(NamedMandateService mandates) {
        this.mandates = mandates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mandates.nominate((Long) execution.getVariable(Vars.MANDATE_ID));
    }
}
