package cn.ganxun.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.certificates.CertificateService;
import cn.ganxun.credits.CreditService;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** The unit feedback report's PDF (R30): each unit's own trainees with grade, result, attendance, credits and certificate. */
@GanxunTest
@AlsoOnPostgres
class UnitFeedbackPdfTest {

    @Autowired UnitFeedbackService feedback;
    @Autowired CertificateService certificates;
    @Autowired CreditService credits;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired JdbcClient jdbc;

    FeedbackClass k;

    @BeforeEach
    void setUp() {
        k = new FeedbackClass(fixtures, completion, certificates, credits, jdbc);
    }

    @Test
    void r30_eachUnitsReportListsItsOwnTraineesWithGradesFiguresAndCertificates() throws Exception {
        List<Long> reports = feedback.prepareReports(k.classId, FeedbackOccasion.RESULTS, null);
        assertThat(reports).hasSize(2);
        assertThat(feedback.prepareReports(k.classId, FeedbackOccasion.RESULTS, null)).isEqualTo(reports);

        String a = text(feedback.pdf(reports.get(0)));
        assertThat(a).contains("培训结果反馈报告", "反馈单位：" + k.unitAName, "单位主要负责人：赵局长", "反馈类别：结业反馈",
                "班次编号：" + k.classNumber, k.classTitle, "测试培训学院", "本单位参训人数：2 人",
                "姓名", "干部编号", "等次", "综合成绩", "出勤率", "学分", "证书编号");
        assertThat(line(a, "张伟民")).contains("优秀", "80", "100.0%", "25", k.zhangCertificate);
        // absent from 2 of 10 sessions; failed: no credits and no certificate
        assertThat(line(a, "李晓红")).contains("不合格", "80.0%", " 0 ", "未颁发");
        assertThat(a).doesNotContain("王建国", "跟踪评价");

        String b = text(feedback.pdf(reports.get(1)));
        assertThat(b).contains("反馈单位：" + k.unitBName, "钱局长", "本单位参训人数：1 人");
        // late counts as attended
        assertThat(line(b, "王建国")).contains("良好", "100.0%", "25", k.wangCertificate);
        assertThat(b).doesNotContain("张伟民", "李晓红");
    }

    @Test
    void r30_afterTheFollowUpTheReportCarriesTheCombinedScoreAndFindings() throws Exception {
        k.followUpEvaluated(jdbc);
        long report = feedback.prepareReports(k.classId, FeedbackOccasion.FOLLOW_UP, null).get(0);
        String text = text(feedback.pdf(report));
        assertThat(text).contains("反馈类别：跟踪问效反馈", "跟踪评价", "二、训后跟踪问效评价", "决策部署落实有力");
        assertThat(line(text, "张伟民")).contains("88.8");
        assertThat(text).contains("未走访");
    }

    @Test
    void anUnknownReportIsNotFound() {
        assertThatThrownBy(() -> feedback.pdf(-1)).isInstanceOf(NotFoundException.class).hasMessageContaining("结果反馈报告不存在");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The first extracted line that mentions the name (the trainee's table row). */
    private static String line(String text, String name) {
        return text.lines().filter(l -> l.contains(name)).findFirst().orElseThrow() + " ";
    }
}
