package cn.ganxun.delegates.namedmandate;

import static cn.ganxun.dispatch.NamedMandateProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.NamedMandateService;

/** On creation of each named-mandate task: the mandate's summary for the form (task-local). */
@Component
class MandateFormListener implements TaskListener {

    private final NamedMandateService mandates;

    MandateFormListener(NamedMandateService mandates) {
        this.mandates = mandates;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(MANDATE_SUMMARY, mandates.summary((Long) task.getVariable(MANDATE_ID)));
    }
}
