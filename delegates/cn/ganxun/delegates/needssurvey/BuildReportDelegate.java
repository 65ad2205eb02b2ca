package cn.ganxun.delegates.needssurvey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.survey.SurveyReportService;

/** 生成调研报告 (R38): the report by unit, level and category, its PDF kept in the needs archive. */
@Component
class BuildReportDelegate implements JavaDelegate {

    private final SurveyReportService reports;

    BuildReportDelegate(SurveyReportService reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.build(SurveyVars.surveyId(execution));
    }
}
