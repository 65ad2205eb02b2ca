package cn.ganxun.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.ganxun.archive.TrainingArchive.ArchiveTraining;
import cn.ganxun.archive.TrainingArchive.CadreSummary;
import cn.ganxun.assessment.Grade;
import cn.ganxun.platform.pdf.ReportPdf;

/**
 * The training sections of the appointment approval form (任免审批表) and the annual appraisal form (年度考核登记表) as
 * Chinese A4 PDFs (R3): the trainings the credit posting marked for each form, with dates, class, institution, days,
 * hours, grade and certificate.
 */
final class AppraisalFormPdf {

    static final String APPOINTMENT_TITLE = "干部任免审批表 · 培训情况";
    static final String APPRAISAL_TITLE = "年度考核登记表 · 培训情况";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");
    private static final List<String> HEADERS = List.of("起止时间", "培训班次", "培训机构", "天数", "学时", "学分", "等次", "结业证书");

    private AppraisalFormPdf() {
    }

    static byte[] appointmentApproval(CadreSummary cadre, List<ArchiveTraining> trainings, LocalDate today) {
        return ReportPdf.build(APPOINTMENT_TITLE + " · " + cadre.cadreNumber(), pdf -> {
            pdf.title(APPOINTMENT_TITLE);
            person(pdf, cadre);
            pdf.heading("脱产培训情况（脱产培训两个月及以上，R3）");
            if (trainings.isEmpty()) {
                pdf.paragraph("无两个月及以上的脱产培训记录。");
            } else {
                pdf.table(HEADERS, rows(trainings), 2.2f, 2.6f, 1.8f, 0.7f, 0.8f, 0.8f, 0.8f, 1.6f);
            }
            pdf.paragraph("以上内容摘自干部培训档案（一人一档，R3a），生成日期 " + DAY.format(today) + "。");
        });
    }

    static byte[] annualAppraisal(CadreSummary cadre, int year, List<ArchiveTraining> trainings, LocalDate today) {
        return ReportPdf.build(APPRAISAL_TITLE + " · " + cadre.cadreNumber() + " · " + year, pdf -> {
            pdf.title(APPRAISAL_TITLE);
            pdf.keyValue("考核年度", year + "年");
            person(pdf, cadre);
            pdf.heading("本年度脱产培训情况（R3）");
            if (trainings.isEmpty()) {
                pdf.paragraph(year + "年无脱产培训记录。");
            } else {
                pdf.table(HEADERS, rows(trainings), 2.2f, 2.6f, 1.8f, 0.7f, 0.8f, 0.8f, 0.8f, 1.6f);
                pdf.paragraph("合计：" + trainings.size() + " 个班次，" + plain(total(trainings, true)) + " 学时，"
                        + plain(total(trainings, false)) + " 学分。");
            }
            pdf.paragraph("以上内容摘自干部培训档案（一人一档，R3a），生成日期 " + DAY.format(today) + "。");
        });
    }

    private static void person(ReportPdf pdf, CadreSummary cadre) throws java.io.IOException {
        pdf.keyValue("姓名", cadre.name())
                .keyValue("干部编号", cadre.cadreNumber())
                .keyValue("工作单位", cadre.unitName())
                .keyValue("职务、职级", (cadre.post() == null ? "" : cadre.post() + "，") + cadre.rankLabel());
    }

    private static List<List<String>> rows(List<ArchiveTraining> trainings) {
        return trainings.stream().map(t -> List.of(DAY.format(t.startDate()) + "—" + DAY.format(t.endDate()),
                t.title() + "（" + t.classNumber() + "）", t.institution(),
                String.valueOf(ChronoUnit.DAYS.between(t.startDate(), t.endDate()) + 1), plain(t.hours()),
                plain(t.credits()), grade(t.grade()), t.certificateNumber() == null ? "—" : t.certificateNumber())).toList();
    }

    private static BigDecimal total(List<ArchiveTraining> trainings, boolean hours) {
        return trainings.stream().map(t -> hours ? t.hours() : t.credits()).filter(v -> v != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String grade(String grade) {
        return grade == null ? "—" : Grade.valueOf(grade).label();
    }
}
