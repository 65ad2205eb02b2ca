package cn.ganxun.delegates.trainingclass;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.TrainingClassProcess.Vars;
import cn.ganxun.coverage.MandateProposals;

/**
 * On creation of 安排调训: prefills the seat plan's named cadres with the coverage watch's proposals for this class
 * that were stored before the task existed (R5, R8).
 */
@Component
class PrefillProposalsListener implements TaskListener {

    private final MandateProposals proposals;

    PrefillProposalsListener(MandateProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateTask task) {
        String current = (String) task.getVariable(Vars.NAMED_CADRES);
        String prefilled = proposals.take((Long) task.getVariable(Vars.CLASS_ID), current);
        if (prefilled != null && !prefilled.equals(current)) {
            task.setVariable(Vars.NAMED_CADRES, prefilled);
        }
    }
}
