package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.FollowUp;
import cn.ganxun.followup.FollowUpParticipants;
import cn.ganxun.followup.FollowUpService;

/** 开始训后跟踪 (R24, R26, R27): opens the follow-up and writes its id, the institution's group and its dates. */
@Component
class OpenFollowUpDelegate implements JavaDelegate {

    private final FollowUpService followUps;
    private final FollowUpParticipants participants;

    OpenFollowUpDelegate(FollowUpService followUps, FollowUpParticipants participants) {
        this.followUps = followUps;
        this.participants = participants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUp f = followUps.open(FollowUpVars.id(execution, CLASS_ID), execution.getProcessInstanceId());
        execution.setVariable(FOLLOW_UP_ID, f.id());
        execution.setVariable(INSTITUTION_GROUP, participants.institutionGroup(f.classId()));
        execution.setVariable(SEMINAR_DUE_AT, FollowUpVars.endOfDay(f.seminarDueOn()));
        execution.setVariable(SUMMARIES_DUE_AT, FollowUpVars.endOfDay(f.summariesDueOn()));
        execution.setVariable(SUMMARIES_MISSING_AT, FollowUpVars.endOfDay(followUps.missingListedOn(f)));
        execution.setVariable(VISITS_DUE_AT, FollowUpVars.endOfDay(f.visitsDueOn()));
        execution.setVariable(FOLLOW_UP_ENDS_AT, FollowUpVars.endOfDay(f.endsOn()));
        execution.setVariable(TRAINEE_IDS, FollowUpVars.ids(followUps.trainees(f.id())));
    }
}
