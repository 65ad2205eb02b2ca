package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.delegates.TaskDecisions;
import cn.ganxun.followup.FollowUpProcess.SampleDecision;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.SampleDrawService;

/**
 * On completion of 审核抽样名单 (R27): a redraw is made at once with the lead's reason (refused without one) and comes
 * back for review; the decision goes to the process for its gateway, and the reviewer for the confirmation.
 */
@Component
class ReviewSampleListener implements TaskListener {

    private final SampleDrawService samples;
    private final FollowUpService followUps;

    ReviewSampleListener(SampleDrawService samples, FollowUpService followUps) {
        this.samples = samples;
        this.followUps = followUps;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = ActingUser.of(task);
        SampleDecision decision = TaskDecisions.required(task, SAMPLE_DECISION, SampleDecision.class,
                "请选择：确认抽样结果，或重新抽样（R27）");
        if (decision == SampleDecision.REDRAW) {
            samples.redraw(followUps.ofProcess(task.getProcessInstanceId()).id(), ProcessVariables.text(task, REDRAW_REASON), actor);
        }
        task.getExecution().getProcessInstance().setVariable(SAMPLE_DECISION, decision.name());
        task.getExecution().getProcessInstance().setVariable(SAMPLE_REVIEWED_BY, actor);
    }
}
