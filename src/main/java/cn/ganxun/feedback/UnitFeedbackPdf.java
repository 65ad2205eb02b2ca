package cn.ganxun.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.ganxun.assessment.Grade;
import cn.ganxun.platform.pdf.ReportPdf;

/**
 * The unit feedback report (培训结果反馈报告, R30) as a Chinese A4 PDF: the unit, the class and the occasion, one line
 * per trainee (name, number, grade, result, attendance share, credits, certificate number) and, once the follow-up
 * evaluated the class, each trainee's post-evaluation score and findings (R29).
 */
final class UnitFeedbackPdf {

    static final String TITLE = "培训结果反馈报告";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private UnitFeedbackPdf() {
    }

    static byte[] render(FeedbackReport report, List<TraineeResult> trainees) {
        boolean followedUp = trainees.stream().anyMatch(t -> t.followUpScore() != null || t.followUpFindings() != null);
        return ReportPdf.build(TITLE + " · " + report.classNumber() + " · " + report.unitName(), pdf -> {
            pdf.title(TITLE)
                    .keyValue("反馈单位", report.unitName())
                    .keyValue("单位主要负责人", report.leaderName())
                    .keyValue("反馈类别", report.occasion().label())
                    .keyValue("班次编号", report.classNumber())
                    .keyValue("班次名称", report.classTitle())
                    .keyValue("承办机构", report.institutionName())
                    .keyValue("培训时间", DAY.format(report.startDate()) + " 至 " + DAY.format(report.endDate()))
                    .keyValue("本单位参训人数", trainees.size() + " 人")
                    .keyValue("报告生成时间", MINUTE.format(report.createdAt()));

            pdf.heading("一、学员培训结果");
            List<String> headers = new ArrayList<>(List.of("姓名", "干部编号", "等次", "综合成绩", "出勤率", "学分", "证书编号"));
            if (followedUp) {
                headers.add("跟踪评价");
            }
            List<List<String>> rows = new ArrayList<>();
            for (TraineeResult t : trainees) {
                List<String> row = new ArrayList<>(List.of(t.name(), t.cadreNumber(), gradeLabel(t.grade()),
                        number(t.result()), percent(t.attendanceShare()), number(t.credits()),
                        t.certificateNumber() == null ? "未颁发" : t.certificateNumber()));
                if (followedUp) {
                    row.add(t.followUpScore() == null ? "—" : number(t.followUpScore()));
                }
                rows.add(row);
            }
            if (followedUp) {
                pdf.table(headers, rows, 1.1f, 1.2f, 0.8f, 0.9f, 0.9f, 0.7f, 1.6f, 0.9f);
            } else {
                pdf.table(headers, rows, 1.2f, 1.3f, 0.9f, 1f, 1f, 0.8f, 1.8f);
            }

            if (followedUp) {
                pdf.heading("二、训后跟踪问效评价");
                pdf.paragraph("跟踪评价为本人、同事、单位领导和服务对象评价的综合得分（R29）；未被抽取走访的学员无综合得分。");
                List<List<String>> findings = trainees.stream()
                        .map(t -> List.of(t.name(), t.followUpScore() == null ? "未走访" : number(t.followUpScore()),
                                t.followUpFindings() == null || t.followUpFindings().isBlank() ? "—" : t.followUpFindings()))
                        .toList();
                pdf.table(List.of("姓名", "跟踪评价", "主要发现"), findings, 1.2f, 1f, 5f);
            }

            pdf.heading("说明");
            pdf.paragraph("依据干部教育培训“训用结合”要求（R30），培训结果同时反馈学员所在单位主要负责人和管理干部的组织部门，"
                    + "并记入干部培训档案。出勤率按实到（含迟到）学时占全部教学学时计算；未颁发证书的学员须按规定参加补训。");
        });
    }

    static String gradeLabel(String grade) {
        return grade == null ? "—" : Grade.valueOf(grade).label();
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal share) {
        return share == null ? "—"
                : share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
