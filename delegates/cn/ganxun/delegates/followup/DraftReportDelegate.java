package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.REPORT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.FollowUp;
import cn.ganxun.followup.FollowUpProcess.Elements;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.HalfYearReportService;

/**
 * 生成半年反馈报告草稿 / 生成终期反馈报告草稿 (R28): the draft of the next period (or, after the close, of the last
 * period), once; its id for the institution's task.
 */
@Component
class DraftReportDelegate implements JavaDelegate {

    private final FollowUpService followUps;
    private final HalfYearReportService reports;

    DraftReportDelegate(FollowUpService followUps, HalfYearReportService reports) {
        this.followUps = followUps;
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUp followUp = followUps.ofProcess(execution.getProcessInstanceId());
        int period = Elements.TASK_DRAFT_FINAL_REPORT.equals(execution.getCurrentActivityId())
                ? followUp.reportPeriods() : reports.nextPeriod(followUp.id());
        execution.setVariable(REPORT_ID, reports.draft(followUp.id(), period));
    }
}
