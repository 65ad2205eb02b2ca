package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.followup.FollowUp;
import cn.ganxun.followup.FollowUpService;

/** 开始训后跟踪 (R24, R26, R27): opens the class's follow-up for this process instance; the trainees for their summaries. */
@Component
class OpenFollowUpDelegate implements JavaDelegate {

    private final FollowUpService followUps;

    OpenFollowUpDelegate(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUp f = followUps.open(ProcessVariables.id(execution, CLASS_ID), execution.getProcessInstanceId());
        execution.setVariable(TRAINEE_IDS, ProcessVariables.jsonIds(followUps.trainees(f.id())));
    }
}
