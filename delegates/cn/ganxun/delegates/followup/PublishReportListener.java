package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.HalfYearReportService;

/** On completion of 发布半年反馈报告 (R28): publishes the report with the institution's remarks (PDF frozen). */
@Component
class PublishReportListener implements TaskListener {

    private final HalfYearReportService reports;
    private final FollowUpService followUps;

    PublishReportListener(HalfYearReportService reports, FollowUpService followUps) {
        this.reports = reports;
        this.followUps = followUps;
    }

    @Override
    public void notify(DelegateTask task) {
        reports.publish(followUps.ofProcess(task.getProcessInstanceId()).id(), ProcessVariables.id(task, REPORT_ID), ProcessVariables.text(task, REPORT_REMARKS), ActingUser.of(task));
    }
}
