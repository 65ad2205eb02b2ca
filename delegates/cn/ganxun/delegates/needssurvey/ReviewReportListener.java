package cn.ganxun.delegates.needssurvey;

import static cn.ganxun.survey.NeedsSurveyProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.survey.SurveyReportService;

/** On completion of 审阅调研报告 (R38): the org department's review and remarks go into the needs archive. */
@Component
class ReviewReportListener implements TaskListener {

    private final SurveyReportService reports;

    ReviewReportListener(SurveyReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        Object remarks = task.getVariable(REVIEW_REMARKS);
        reports.review(SurveyVars.surveyId(task), remarks == null ? null : remarks.toString(), ActingUser.of(task));
    }
}
