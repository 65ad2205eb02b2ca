package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.FollowUp;
import cn.ganxun.followup.FollowUpService;

/**
 * 确定下一报告期 (R28): the next six-month period and when it ends; whether it ends before the follow-up does (the last
 * period's report is drafted after the close, with the final evaluations).
 */
@Component
class ScheduleReportDelegate implements JavaDelegate {

    private final FollowUpService followUps;

    ScheduleReportDelegate(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUp followUp = followUps.find(FollowUpVars.followUpId(execution));
        Object previous = execution.getVariable(PERIOD_NO);
        int next = previous == null ? 1 : ((Number) previous).intValue() + 1;
        execution.setVariable(PERIOD_NO, next);
        execution.setVariable(MORE_REPORTS, next < followUp.reportPeriods());
        execution.setVariable(REPORT_DUE_AT, FollowUpVars.endOfDay(followUp.periodEndsOn(next)));
    }
}
