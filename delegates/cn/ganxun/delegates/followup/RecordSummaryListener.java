package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.followup.FollowUpService;

/** On completion of 提交学习心得 (R26): stores the summary, written by the trainee or by the institution on their behalf. */
@Component
class RecordSummaryListener implements TaskListener {

    private final FollowUpService followUps;

    RecordSummaryListener(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void notify(DelegateTask task) {
        followUps.submitSummary(followUps.ofProcess(task.getProcessInstanceId()).id(), ProcessVariables.id(task, TRAINEE_ID),
                ProcessVariables.text(task, SUMMARY_CONTENT), ActingUser.of(task));
    }
}
