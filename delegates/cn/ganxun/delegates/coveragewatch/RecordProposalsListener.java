package cn.ganxun.delegates.coveragewatch;

import static cn.ganxun.coverage.CoverageWatchProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.coverage.MandateProposals;
import cn.ganxun.delegates.ActingUser;

/**
 * On completion of 提出点名调训建议 (R5, R8): checks and stores the proposal lines; a refused line rolls the completion
 * back and Tasklist shows every problem with its line.
 */
@Component
class RecordProposalsListener implements TaskListener {

    private final MandateProposals proposals;

    RecordProposalsListener(MandateProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(PROPOSAL_COUNT, proposals.record(((Number) task.getVariable(RUN_ID)).longValue(),
                (String) task.getVariable(PROPOSALS), ActingUser.of(task)));
    }
}
