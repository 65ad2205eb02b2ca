package cn.ganxun.followup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

/**
 * The Markdown the follow-up task forms show above their fields: what the task is about, with the facts the worker
 * needs (due dates, the sample, the visit's indicators with their codes, the report's figures and links).
 */
@Component
public class FollowUpTaskInfo {

    private final FollowUpService followUps;
    private final SampleDrawService samples;
    private final UnitVisitService visits;
    private final IndicatorCatalog catalog;
    private final HalfYearReportService reports;

    FollowUpTaskInfo(FollowUpService followUps, SampleDrawService samples, UnitVisitService visits,
            IndicatorCatalog catalog, HalfYearReportService reports) {
        this.followUps = followUps;
        this.samples = samples;
        this.visits = visits;
        this.catalog = catalog;
        this.reports = reports;
    }

    public String seminar(long followUpId) {
        FollowUp f = followUps.find(followUpId);
        return header(f) + "请于 **" + f.seminarDueOn() + "** 前举行训后座谈会（R26），并登记日期、地点、参会人员和会议纪要。"
                + "座谈会日期不早于结业日期 " + f.startsOn() + "。";
    }

    public String summary(long followUpId, long cadreId) {
        FollowUp f = followUps.find(followUpId);
        LearningSummary s = followUps.summary(followUpId, cadreId);
        return header(f) + "**学员：" + s.cadreName() + "（" + s.cadreNumber() + "，" + s.unitName() + "）**\n\n"
                + "请于 **" + f.summariesDueOn() + "** 前提交训后学习心得（不少于50字，R26）：学习收获、运用于工作的做法和成效。"
                + "学员无本人账号时由承办机构代为录入。";
    }

    public String missingSummaries(long followUpId) {
        FollowUp f = followUps.find(followUpId);
        List<LearningSummary> missing = followUps.summaries(followUpId).stream()
                .filter(s -> LearningSummary.MISSING.equals(s.status())).toList();
        return header(f) + "以下 " + missing.size() + " 名学员经催交仍未提交学习心得（R26），请知悉并督促：\n\n"
                + "| 姓名 | 干部编号 | 单位 | 催交时间 |\n|---|---|---|---|\n"
                + missing.stream().map(s -> "| " + s.cadreName() + " | " + s.cadreNumber() + " | " + s.unitName() + " | "
                        + (s.chasedAt() == null ? "—" : LocalDate.ofInstant(s.chasedAt(), ZoneId.systemDefault())) + " |")
                        .collect(Collectors.joining("\n"));
    }

    public String sample(long followUpId) {
        FollowUp f = followUps.find(followUpId);
        SampleDraw d = samples.current(followUpId);
        return header(f) + "**第 " + d.drawNo() + " 次抽样**（随机种子 " + d.seed() + "，比例 " + d.share().stripTrailingZeros()
                .toPlainString() + "，每个单位至少一人，R27）：从 " + d.populationSize() + " 名学员中抽取 " + d.sample().size() + " 名。"
                + (d.reason() == null ? "" : "重新抽样理由：" + d.reason()) + "\n\n"
                + "| 序号 | 姓名 | 干部编号 | 单位 |\n|---|---|---|---|\n"
                + IntStream.range(0, d.sample().size())
                        .mapToObj(i -> "| " + (i + 1) + " | " + d.sample().get(i).name() + " | " + d.sample().get(i).cadreNumber()
                                + " | " + d.sample().get(i).unitName() + " |")
                        .collect(Collectors.joining("\n"))
                + "\n\n确认后为每名抽中学员安排一次单位走访；如需重新抽样，须说明理由，原抽样记录保留备查。";
    }

    public String visit(long visitId) {
        UnitVisit v = visits.visit(visitId);
        FollowUp f = followUps.find(v.followUpId());
        return header(f) + "**走访对象：" + v.cadreName() + "（" + v.unitName() + "，" + v.traineeLevel().label() + "）**，请于 **"
                + v.dueOn() + "** 前完成单位走访（R27）。已登记访谈 " + v.interviews() + " 份。\n\n"
                + "可在下方登记一次访谈（其余访谈和扫描件等附件可通过 `/api/follow-ups/visits/" + visitId + "/interviews`、"
                + "`/api/follow-ups/visits/" + visitId + "/attachments` 登记）；提交即结束走访，须至少有一份访谈记录。\n\n"
                + "评分每行一项：`指标代码，来源，分值`，来源为 自评、同事、单位领导、群众（R29）。" + v.traineeLevel().label()
                + "的评价指标：\n\n| 代码 | 指标 | 类型 | 分值范围 |\n|---|---|---|---|\n"
                + catalog.forLevel(v.traineeLevel()).stream()
                        .map(i -> "| " + i.code() + " | " + i.name() + " | "
                                + (Indicator.QUANTIFIED.equals(i.kind()) ? "量化" : "主观") + " | " + i.range() + " |")
                        .collect(Collectors.joining("\n"));
    }

    public String report(long reportId) {
        HalfYearReport r = reports.report(reportId);
        FollowUp f = followUps.find(r.followUpId());
        ReportFigures figures = reports.figures(r);
        long submitted = figures.summaries().stream().filter(s -> LearningSummary.SUBMITTED.equals(s.status())).count();
        long done = figures.visits().stream().filter(v -> v.visit().status() == VisitStatus.DONE).count();
        return header(f) + "**第 " + r.periodNo() + " 期（共 " + f.reportPeriods() + " 期）反馈报告草稿**，截至 " + r.periodEndsOn()
                + "（R28）：座谈会 " + figures.seminars().size() + " 次；学习心得已交 " + submitted + "/" + figures.summaries().size()
                + "；走访已完成 " + done + "/" + figures.visits().size() + "。\n\n"
                + "[查看报告草稿（PDF）](/api/follow-ups/reports/" + reportId + "/pdf)\n\n"
                + "请填写承办机构意见后发布；发布后报告定稿，不能再修改。";
    }

    private static String header(FollowUp f) {
        return "**" + f.classTitle() + "**（" + f.classNumber() + "，" + f.institutionName() + "）训后跟踪 " + f.years()
                + " 年：" + f.startsOn() + " 至 " + f.endsOn() + "\n\n";
    }
}
