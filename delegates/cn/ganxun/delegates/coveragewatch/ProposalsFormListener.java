package cn.ganxun.delegates.coveragewatch;

import static cn.ganxun.coverage.CoverageWatchProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.coverage.MandateProposals;

/** Shows the run's red list and the open classes on 提出点名调训建议 (task-local) and starts with empty proposals. */
@Component
class ProposalsFormListener implements TaskListener {

    private final MandateProposals proposals;

    ProposalsFormListener(MandateProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(FORM_INFO, proposals.taskInfo(((Number) task.getVariable(RUN_ID)).longValue()));
        task.getExecution().setVariableLocal(PROPOSALS, "");
    }
}
