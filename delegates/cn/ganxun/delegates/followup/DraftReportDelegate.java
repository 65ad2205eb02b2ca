package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.followup.HalfYearReportService;

/** 生成半年反馈报告草稿 (R28): the draft of period {@code periodNo}, once; its id for the institution's task. */
@Component
class DraftReportDelegate implements JavaDelegate {

    private final HalfYearReportService reports;

    DraftReportDelegate(HalfYearReportService reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(REPORT_ID, reports.draft(FollowUpVars.followUpId(execution),
                ((Number) execution.getVariable(PERIOD_NO)).intValue()));
    }
}
