package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.MORE_REPORTS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.FollowUp;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.HalfYearReportService;

/**
 * 确定下一报告期 (R28): whether the next six-month period (after the last drafted report) ends before the follow-up
 * does; the last period's report is drafted after the close, with the final evaluations. The period timer reads its
 * date from {@code followUpSchedule}.
 */
@Component
class ScheduleReportDelegate implements JavaDelegate {

    private final FollowUpService followUps;
    private final HalfYearReportService reports;

    ScheduleReportDelegate(FollowUpService followUps, HalfYearReportService reports) {
        this.followUps = followUps;
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUp followUp = followUps.ofProcess(execution.getProcessInstanceId());
        execution.setVariable(MORE_REPORTS, reports.nextPeriod(followUp.id()) < followUp.reportPeriods());
    }
}
