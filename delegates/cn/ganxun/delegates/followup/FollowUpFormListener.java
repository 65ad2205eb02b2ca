package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.followup.FollowUpProcess.Elements;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.FollowUpTaskInfo;
import cn.ganxun.followup.UnitVisitService;

/**
 * On creation of each follow-up task: the form's Markdown (task-local), the task's inputs as variables local to the
 * task's own execution (parallel tasks and multi-instances never share them; each new task starts them empty), and a
 * name that tells the trainee or visit apart in the task list.
 */
@Component
class FollowUpFormListener implements TaskListener {

    private final FollowUpTaskInfo info;
    private final FollowUpService followUps;
    private final UnitVisitService visits;

    FollowUpFormListener(FollowUpTaskInfo info, FollowUpService followUps, UnitVisitService visits) {
        this.info = info;
        this.followUps = followUps;
        this.visits = visits;
    }

    @Override
    public void notify(DelegateTask task) {
        long followUpId = followUps.ofProcess(task.getProcessInstanceId()).id();
        switch (task.getTaskDefinitionKey()) {
            case Elements.TASK_HOLD_SEMINAR -> {
                task.setVariableLocal(FORM_INFO, info.seminar(followUpId));
                inputs(task, SEMINAR_PLACE, SEMINAR_ATTENDEES, SEMINAR_MINUTES);
                task.getExecution().setVariableLocal(SEMINAR_HELD_ON, null);
            }
            case Elements.TASK_WRITE_LEARNING_SUMMARY -> {
                long cadreId = ProcessVariables.id(task, TRAINEE_ID);
                task.setName(task.getName() + "（" + followUps.summary(followUpId, cadreId).cadreName() + "）");
                task.setVariableLocal(FORM_INFO, info.summary(followUpId, cadreId));
                inputs(task, SUMMARY_CONTENT);
            }
            case Elements.TASK_REVIEW_MISSING_SUMMARIES -> task.setVariableLocal(FORM_INFO, info.missingSummaries(followUpId));
            case Elements.TASK_REVIEW_SAMPLE -> {
                task.setVariableLocal(FORM_INFO, info.sample(followUpId));
                inputs(task, SAMPLE_DECISION, REDRAW_REASON);
            }
            case Elements.TASK_VISIT_UNIT -> {
                long visitId = ProcessVariables.id(task, VISIT_ID);
                var visit = visits.visit(visitId);
                task.setName(task.getName() + "（" + visit.cadreName() + "，" + visit.unitName() + "）");
                task.setVariableLocal(FORM_INFO, info.visit(visitId));
                inputs(task, INTERVIEW_METHOD, INTERVIEW_FINDINGS, INTERVIEW_SCORES);
                task.getExecution().setVariableLocal(INTERVIEW_HELD_ON, null);
                task.getExecution().setVariableLocal(INTERVIEWEES, null);
            }
            default -> {
                task.setVariableLocal(FORM_INFO, info.report(ProcessVariables.id(task, REPORT_ID)));
                inputs(task, REPORT_REMARKS);
            }
        }
    }

    private static void inputs(DelegateTask task, String... names) {
        for (String name : names) {
            task.getExecution().setVariableLocal(name, "");
        }
    }
}
