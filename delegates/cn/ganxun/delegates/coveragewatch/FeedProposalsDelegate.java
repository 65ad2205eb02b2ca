package cn.ganxun.delegates.coveragewatch;

import static cn.ganxun.coverage.CoverageWatchProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.coverage.MandateProposals;

/** 送入调训安排 (R8): appends the run's proposals to each class's 安排调训 named cadres, after an async boundary. */
@Component
class FeedProposalsDelegate implements JavaDelegate {

    private final MandateProposals proposals;

    FeedProposalsDelegate(MandateProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.feed(((Number) execution.getVariable(RUN_ID)).longValue());
    }
}
