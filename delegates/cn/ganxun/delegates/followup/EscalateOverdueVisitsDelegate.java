package cn.ganxun.delegates.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.VisitEscalation;

/** 督办逾期走访 (R27): overdue visits go to the team lead (candidate group, priority, one mail). */
@Component
class EscalateOverdueVisitsDelegate implements JavaDelegate {

    private final VisitEscalation escalation;

    EscalateOverdueVisitsDelegate(VisitEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalation.escalateOverdue(execution.getProcessInstanceId());
    }
}
