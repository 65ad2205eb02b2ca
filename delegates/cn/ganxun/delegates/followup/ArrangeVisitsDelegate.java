package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.SAMPLE_REVIEWED_BY;
import static cn.ganxun.followup.FollowUpProcess.Vars.VISIT_IDS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.SampleDrawService;

/** 安排单位走访 (R27): confirms the sample in the lead's name; one unit visit per sampled trainee. */
@Component
class ArrangeVisitsDelegate implements JavaDelegate {

    private final SampleDrawService samples;

    ArrangeVisitsDelegate(SampleDrawService samples) {
        this.samples = samples;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VISIT_IDS, FollowUpVars.ids(samples.confirm(FollowUpVars.followUpId(execution),
                FollowUpVars.text(execution, SAMPLE_REVIEWED_BY))));
    }
}
