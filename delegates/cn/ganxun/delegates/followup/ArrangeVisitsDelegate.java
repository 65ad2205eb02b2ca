package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.SAMPLE_REVIEWED_BY;
import static cn.ganxun.followup.FollowUpProcess.Vars.VISIT_IDS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.SampleDrawService;

/** 安排单位走访 (R27): confirms the sample in the lead's name; one unit visit per sampled trainee. */
@Component
class ArrangeVisitsDelegate implements JavaDelegate {

    private final SampleDrawService samples;
    private final FollowUpService followUps;

    ArrangeVisitsDelegate(SampleDrawService samples, FollowUpService followUps) {
        this.samples = samples;
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VISIT_IDS, ProcessVariables.jsonIds(samples.confirm(followUps.ofProcess(execution.getProcessInstanceId()).id(),
                ProcessVariables.text(execution, SAMPLE_REVIEWED_BY))));
    }
}
