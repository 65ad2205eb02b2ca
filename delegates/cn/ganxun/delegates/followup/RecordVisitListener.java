package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.FormValues;
import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.InterviewForm;
import cn.ganxun.followup.NewInterview;
import cn.ganxun.followup.UnitVisitService;
import cn.ganxun.platform.InvalidInputException;

/**
 * On completion of 走访学员单位 (R27, R29): logs the interview typed into the form, if any, and ends the visit (which
 * needs at least one interview). Any refusal rolls the completion back with every problem named.
 */
@Component
class RecordVisitListener implements TaskListener {

    private final UnitVisitService visits;
    private final FollowUpService followUps;

    RecordVisitListener(UnitVisitService visits, FollowUpService followUps) {
        this.visits = visits;
        this.followUps = followUps;
    }

    @Override
    public void notify(DelegateTask task) {
        long visitId = ProcessVariables.id(task, VISIT_ID);
        if (visits.visit(visitId).followUpId() != followUps.ofProcess(task.getProcessInstanceId()).id()) {
            throw InvalidInputException.rule("R27", VISIT_ID, "该走访不属于本班的训后跟踪：" + visitId);
        }
        String actor = ActingUser.of(task);
        NewInterview interview = InterviewForm.parse(ProcessVariables.text(task, INTERVIEW_HELD_ON),
                ProcessVariables.text(task, INTERVIEW_METHOD), FormValues.strings(task.getVariable(INTERVIEWEES), INTERVIEWEES),
                ProcessVariables.text(task, INTERVIEW_FINDINGS), ProcessVariables.text(task, INTERVIEW_SCORES));
        if (interview != null) {
            visits.logInterview(visitId, interview, actor);
        }
        visits.complete(visitId, actor);
    }
}
