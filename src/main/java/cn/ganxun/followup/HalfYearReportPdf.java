package cn.ganxun.followup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.ganxun.platform.pdf.ReportPdf;

/**
 * The institution's half-year feedback report of a follow-up (训后跟踪问效半年反馈报告, R28) as a Chinese A4 PDF:
 * seminars (R26), learning summaries, the sample and the unit visits (R27), scores by source and by indicator (R29),
 * the final evaluations in the last report, and the institution's remarks.
 */
final class HalfYearReportPdf {

    static final String TITLE = "训后跟踪问效半年反馈报告";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final int MINUTES_SHOWN = 300;

    private HalfYearReportPdf() {
    }

    static byte[] render(ReportFigures f) {
        FollowUp followUp = f.followUp();
        HalfYearReport report = f.report();
        boolean last = report.periodNo() == followUp.reportPeriods();
        return ReportPdf.build(TITLE + " · " + followUp.classNumber() + " · 第" + report.periodNo() + "期", pdf -> {
            pdf.title(TITLE)
                    .keyValue("班次", followUp.classTitle() + "（" + followUp.classNumber() + "）")
                    .keyValue("承办机构", followUp.institutionName())
                    .keyValue("跟踪期限", followUp.kind().label() + "，" + followUp.years() + " 年（"
                            + DAY.format(followUp.startsOn()) + " 至 " + DAY.format(followUp.endsOn()) + "，R24）")
                    .keyValue("报告期", "第 " + report.periodNo() + " 期（共 " + followUp.reportPeriods() + " 期），"
                            + DAY.format(followUp.periodEndsOn(report.periodNo() - 1)) + " 至 " + DAY.format(report.periodEndsOn())
                            + (last ? "，终期报告" : ""))
                    .keyValue("报告状态", report.published()
                            ? "已发布（" + report.publishedBy() + "，" + MINUTE.format(report.publishedAt()) + "）"
                            : "草稿（生成于 " + MINUTE.format(report.draftedAt()) + "，发布前以系统当前数据为准）");

            pdf.heading("一、训后座谈会（R26）");
            pdf.paragraph("截至本期共举行座谈会 " + f.seminars().size() + " 次；应于 " + DAY.format(followUp.seminarDueOn())
                    + " 前举行。");
            pdf.table(List.of("日期", "地点", "参会人员", "会议纪要"), f.seminars().stream()
                    .map(s -> List.of(DAY.format(s.heldOn()), s.place(), s.attendees(), shorten(s.minutes()))).toList(),
                    1.1f, 1.2f, 1.8f, 3.5f);

            pdf.heading("二、学习心得（R26）");
            long submitted = count(f.summaries(), LearningSummary.SUBMITTED);
            long missing = count(f.summaries(), LearningSummary.MISSING);
            long due = count(f.summaries(), LearningSummary.DUE);
            pdf.paragraph("学员 " + f.summaries().size() + " 人：已提交 " + submitted + " 人，未交 " + missing + " 人，待交 " + due
                    + " 人（应于 " + DAY.format(followUp.summariesDueOn()) + " 前提交）。");
            List<List<String>> missingRows = f.summaries().stream()
                    .filter(s -> !LearningSummary.SUBMITTED.equals(s.status()))
                    .map(s -> List.of(s.cadreName(), s.cadreNumber(), s.unitName(),
                            LearningSummary.MISSING.equals(s.status()) ? "未交" : "待交", s.chasedAt() == null ? "否" : "已催交"))
                    .toList();
            if (!missingRows.isEmpty()) {
                pdf.table(List.of("姓名", "干部编号", "单位", "状态", "催交"), missingRows, 1f, 1.1f, 2f, 0.7f, 0.8f);
            }

            pdf.heading("三、抽样走访（R27）");
            if (f.sample() == null) {
                pdf.paragraph("尚未抽样。");
            } else {
                SampleDraw s = f.sample();
                pdf.paragraph("第 " + s.drawNo() + " 次抽样（随机种子 " + s.seed() + "）：从 " + s.populationSize() + " 名学员中抽取 "
                        + s.sample().size() + " 名" + (s.confirmed() ? "，已确认" : "，待确认")
                        + (s.reason() == null ? "" : "；重新抽样理由：" + s.reason()) + "。走访应于 "
                        + DAY.format(followUp.visitsDueOn()) + " 前完成。");
            }
            long done = f.visits().stream().filter(v -> v.visit().status() == VisitStatus.DONE).count();
            pdf.paragraph("走访 " + f.visits().size() + " 人：已完成 " + done + " 人，访谈记录 "
                    + f.visits().stream().mapToInt(v -> v.visit().interviews()).sum() + " 份。");
            pdf.table(List.of("姓名", "单位", "层级", "走访状态", "访谈", "逾期督办", "综合得分"), f.visits().stream()
                    .map(v -> List.of(v.visit().cadreName(), v.visit().unitName(), v.visit().traineeLevel().label(),
                            v.visit().status().label(), String.valueOf(v.visit().interviews()),
                            v.visit().escalatedAt() == null ? "—" : "已督办", number(v.combinedSoFar())))
                    .toList(), 1f, 2f, 1f, 0.9f, 0.6f, 0.8f, 0.8f);

            pdf.heading("四、评价得分（R29）");
            List<String> sourceHeaders = new ArrayList<>();
            List<String> sourceCells = new ArrayList<>();
            for (ScoreSource source : ScoreSource.values()) {
                sourceHeaders.add(source.label());
                sourceCells.add(number(f.sourceAverages().get(source)));
            }
            pdf.paragraph("各来源平均分（所有访谈、所有指标）：");
            pdf.table(sourceHeaders, List.of(sourceCells), 1f, 1f, 1f, 1f);
            pdf.paragraph("各指标平均分：");
            pdf.table(List.of("指标", "代码", "平均分", "评分次数"), f.indicators().stream()
                    .map(i -> List.of(i.name(), i.code(), number(i.average()), String.valueOf(i.scores()))).toList(),
                    3f, 2f, 1f, 1f);

            if (last) {
                pdf.heading("五、跟踪问效总体评价");
                if (f.evaluations().isEmpty()) {
                    pdf.paragraph("跟踪期结束后生成每名学员的总体评价。");
                } else {
                    pdf.table(List.of("姓名", "单位", "自评", "同事", "单位领导", "群众", "综合", "心得", "走访"), f.evaluations().stream()
                            .map(e -> List.of(e.cadreName(), e.unitName(), number(e.scores().self()),
                                    number(e.scores().colleagues()), number(e.scores().unitLeader()),
                                    number(e.scores().publicScore()), number(e.scores().combined()),
                                    e.summarySubmitted() ? "已交" : "未交", e.visited() ? "已走访" : "未走访"))
                            .toList(), 1f, 1.8f, 0.6f, 0.6f, 0.8f, 0.6f, 0.6f, 0.6f, 0.8f);
                }
            }

            pdf.heading(last ? "六、承办机构意见" : "五、承办机构意见");
            pdf.paragraph(report.remarks() == null ? "（无）" : report.remarks());
        });
    }

    private static long count(List<LearningSummary> summaries, String status) {
        return summaries.stream().filter(s -> status.equals(s.status())).count();
    }

    private static String shorten(String text) {
        return text.length() <= MINUTES_SHOWN ? text : text.substring(0, MINUTES_SHOWN) + "…";
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
