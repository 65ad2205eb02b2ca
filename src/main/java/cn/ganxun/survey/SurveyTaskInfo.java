package cn.ganxun.survey;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.ganxun.cadres.Unit;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Groups;

/** Candidate groups and the Markdown the {@code needs-survey} forms show (Simplified Chinese). */
@Component
public class SurveyTaskInfo {

    private final SurveyService surveys;
    private final SurveyReportService reports;
    private final UnitRepository units;

    SurveyTaskInfo(SurveyService surveys, SurveyReportService reports, UnitRepository units) {
        this.surveys = surveys;
        this.reports = reports;
        this.units = units;
    }

    /** The unit HR's candidate group of the unit (for {@code camunda:candidateGroups}). */
    public String unitHrGroup(long unitId) {
        return Groups.unitHr(unit(unitId).code());
    }

    /** 跟进本单位答卷: the survey, the response rates of the unit and its sub-units, earlier reminders. */
    public String responses(long surveyId, long unitId) {
        NeedsSurvey survey = surveys.find(surveyId);
        Unit unit = unit(unitId);
        List<ResponseRate> rates = surveys.responseRates(surveyId, unitId);
        int targeted = rates.stream().mapToInt(ResponseRate::targeted).sum();
        int responded = rates.stream().mapToInt(ResponseRate::responded).sum();
        StringBuilder md = new StringBuilder();
        md.append("### ").append(survey.title()).append("\n\n")
                .append("调研期间：").append(survey.opensOn()).append(" 至 ").append(survey.closesOn())
                .append("　单位：").append(unit.name()).append("（").append(unit.code()).append("）\n\n")
                .append("**本单位（含下级单位）已答 ").append(responded).append(" / ").append(targeted).append(" 人**\n\n")
                .append("| 单位 | 应答 | 已答 | 参与率 |\n|---|---|---|---|\n");
        rates.forEach(r -> md.append("| ").append(r.unitName()).append(" | ").append(r.targeted()).append(" | ")
                .append(r.responded()).append(" | ").append(r.rate()).append("% |\n"));
        List<String> chases = surveys.chases(surveyId, unitId);
        md.append("\n问卷匿名：只统计谁已提交，看不到任何人的答卷内容。选择“催办”将向尚未填写的干部发送提醒邮件。\n");
        if (!chases.isEmpty()) {
            md.append("\n已催办：\n");
            chases.forEach(c -> md.append("- ").append(c).append("\n"));
        }
        return md.toString();
    }

    /** 审阅调研报告: the figures and the link to the archived PDF. */
    public String report(long surveyId) {
        SurveyReport report = reports.report(surveyId);
        StringBuilder md = new StringBuilder();
        md.append("### ").append(report.survey().title()).append(" 调研报告\n\n")
                .append("调研对象 ").append(report.targeted()).append(" 人，有效答卷 ").append(report.respondents())
                .append(" 份（匿名）。不足 ").append(report.minGroupSize()).append(" 人的分组不予显示。\n\n")
                .append("报告已存入需求档案：[下载 PDF](/api/surveys/").append(surveyId).append("/report/pdf)　")
                .append("[在线查看](/api/surveys/").append(surveyId).append("/report)\n\n")
                .append("| 题目 | 全体结果 |\n|---|---|\n");
        report.questions().forEach(q -> md.append("| ").append(q.position()).append(". ").append(q.text()).append(" | ")
                .append(q.overall().summary(q.answerType(), q.options(), report.minGroupSize())).append(" |\n"));
        return md.toString();
    }

    private Unit unit(long unitId) {
        return units.findById(unitId).orElseThrow(() -> new NotFoundException("单位不存在：" + unitId));
    }
}
