package cn.ganxun.delegates.namedmandate;

import static cn.ganxun.dispatch.NamedMandateProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.dispatch.NamedMandateProcess.SubstitutionDecision;
import cn.ganxun.dispatch.NamedMandateService;

/** On completion of 审批替换申请 (R8): approve the substitute, or refuse with a comment. */
@Component
class DecideSubstitutionListener implements TaskListener {

    private final NamedMandateService mandates;

    DecideSubstitutionListener(NamedMandateService mandates) {
        this.mandates = mandates;
    }

    @Override
    public void notify(DelegateTask task) {
        SubstitutionDecision decision = TaskDecisions.required(task, SUBSTITUTION_DECISION, SubstitutionDecision.class,
                "请选择是否同意替换");
        mandates.decideSubstitution((Long) task.getVariable(MANDATE_ID), decision,
                (String) task.getVariable(SUBSTITUTION_COMMENT), ActingUser.of(task));
        task.getExecution().removeVariable(SUBSTITUTION_COMMENT);
    }
}
