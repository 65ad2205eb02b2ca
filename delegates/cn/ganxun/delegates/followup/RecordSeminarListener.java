package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.NewSeminar;
import cn.ganxun.platform.FormDates;

/** On completion of 举行训后座谈会 (R26): records the seminar; a refusal rolls the completion back with the reason. */
@Component
class RecordSeminarListener implements TaskListener {

    private final FollowUpService followUps;

    RecordSeminarListener(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void notify(DelegateTask task) {
        followUps.recordSeminar(followUps.ofProcess(task.getProcessInstanceId()).id(), new NewSeminar(
                FormDates.day(ProcessVariables.text(task, SEMINAR_HELD_ON), SEMINAR_HELD_ON, "座谈会日期"),
                ProcessVariables.text(task, SEMINAR_PLACE), ProcessVariables.text(task, SEMINAR_ATTENDEES),
                ProcessVariables.text(task, SEMINAR_MINUTES)), ActingUser.of(task));
    }
}
