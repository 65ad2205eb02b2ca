package cn.ganxun.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** R21 certificates: who gets one, numbers that never repeat, the PDF in Chinese with an embedded subset font. */
@GanxunTest
@AlsoOnPostgres
@Transactional
class CertificateServiceTest {

    @Autowired CertificateService certificates;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired JdbcClient jdbc;

    long classId;
    long excellent;
    long passed;
    long failed;
    long incomplete;
    long unconfirmed;

    @BeforeEach
    void setUp() {
        long unit = fixtures.unit("证书测试局");
        LocalDate start = LocalDate.of(2027, 3, 1);
        classId = fixtures.trainingClass("证书", start, start.plusDays(9), true);
        fixtures.course(classId, "PARTY_THEORY", 40);
        fixtures.course(classId, "PROFESSIONAL", 32);
        excellent = trainee(unit, "EXCELLENT", true);
        passed = trainee(unit, "PASS", true);
        failed = trainee(unit, "FAIL", true);
        incomplete = trainee(unit, "PASS", false);
        unconfirmed = fixtures.cadre(unit, Rank.STAFF);
        fixtures.enroll(classId, unconfirmed, "ENROLLED", null);
        completion.unconfirmedResult(classId, unconfirmed, "GOOD", true);
    }

    private long trainee(long unit, String grade, boolean completed) {
        long cadre = fixtures.cadre(unit, Rank.STAFF);
        fixtures.enroll(classId, cadre, "ENROLLED", null);
        completion.result(classId, cadre, grade, completed);
        return cadre;
    }

    @Test
    void R21_only_completed_and_passed_trainees_with_a_confirmed_result_get_a_certificate() {
        List<Certificate> issued = certificates.issueFor(classId);

        assertThat(issued).extracting(Certificate::cadreId).containsExactlyInAnyOrder(excellent, passed);
        assertThat(issued).allSatisfy(c -> {
            assertThat(c.certificateNumber()).matches("GX-\\d{4}-\\d{6}");
            assertThat(c.verificationCode()).matches("[A-Z0-9]{8}");
            assertThat(c.valid()).isTrue();
            assertThat(c.classId()).isEqualTo(classId);
        });
        assertThat(issued.get(0).certificateNumber()).isNotEqualTo(issued.get(1).certificateNumber());
        assertThat(certificateOnEnrollment(excellent)).isEqualTo(numberOf(issued, excellent));
        assertThat(certificateOnEnrollment(failed)).isNull();
        assertThat(certificateOnEnrollment(incomplete)).isNull();
        assertThat(certificateOnEnrollment(unconfirmed)).isNull();
    }

    @Test
    void R21_a_rerun_never_issues_a_second_number_for_the_same_trainee_and_class() {
        List<Certificate> first = certificates.issueFor(classId);
        List<Certificate> again = certificates.issueFor(classId);

        assertThat(again).isEmpty();
        assertThat(certificates.forClass(classId)).extracting(Certificate::certificateNumber)
                .containsExactlyInAnyOrderElementsOf(first.stream().map(Certificate::certificateNumber).toList());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate WHERE class_id = ?").param(classId)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void R21_a_result_confirmed_later_gets_the_next_number_and_the_earlier_ones_keep_theirs() {
        List<Certificate> first = certificates.issueFor(classId);
        jdbc.sql("UPDATE assessment_result SET confirmed_at = CURRENT_TIMESTAMP WHERE class_id = ? AND cadre_id = ?")
                .params(classId, unconfirmed).update();

        List<Certificate> second = certificates.issueFor(classId);

        assertThat(second).extracting(Certificate::cadreId).containsExactly(unconfirmed);
        assertThat(certificates.forClass(classId)).hasSize(3);
        assertThat(numberOf(certificates.forClass(classId), excellent)).isEqualTo(numberOf(first, excellent));
    }

    @Test
    void the_pdf_is_chinese_text_with_an_embedded_subset_font_on_a4_landscape() throws IOException {
        Certificate certificate = certificates.issueFor(classId).get(0);

        byte[] pdf = certificates.pdf(certificate.certificateNumber());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("结业证书", completion.cadreName(certificate.cadreId()),
                    completion.classTitle(classId), certificate.certificateNumber(), certificate.verificationCode(),
                    "测试培训学院", "72 学时", "2027年3月1日", "2027年3月10日");
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isGreaterThan(page.getMediaBox().getHeight());
            PDFont font = null;
            for (COSName name : page.getResources().getFontNames()) {
                font = page.getResources().getFont(name);
            }
            assertThat(font).isInstanceOf(PDType0Font.class);
            PDType0Font type0 = (PDType0Font) font;
            assertThat(type0.isEmbedded()).isTrue();
            assertThat(type0.getDescendantFont().isEmbedded()).isTrue();
            assertThat(type0.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
        }
        assertThat(pdf.length).as("a subset, not the 10 MB font").isLessThan(200_000);
    }

    @Test
    void R21_revoked_certificates_verify_as_revoked_and_keep_their_number() {
        Certificate certificate = certificates.issueFor(classId).get(0);

        certificates.revoke(certificate.certificateNumber(), "考核材料不实");

        CertificateCheck check = certificates.verify(certificate.certificateNumber(), null);
        assertThat(check.status()).isEqualTo("已撤销");
        assertThat(certificates.find(certificate.certificateNumber()).revokeReason()).isEqualTo("考核材料不实");
        assertThat(certificates.issueFor(classId)).isEmpty();
        assertThatThrownBy(() -> certificates.revoke(certificate.certificateNumber(), "再次"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void revoking_needs_a_reason_and_unknown_numbers_are_not_found() {
        Certificate certificate = certificates.issueFor(classId).get(0);

        assertThatThrownBy(() -> certificates.revoke(certificate.certificateNumber(), " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("原因");
        assertThatThrownBy(() -> certificates.verify("GX-1999-999999", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> certificates.verify(certificate.certificateNumber(), "WRONG123"))
                .isInstanceOf(NotFoundException.class);
        assertThat(certificates.verify(certificate.certificateNumber(), certificate.verificationCode().toLowerCase())
                .status()).isEqualTo("有效");
    }

    private String certificateOnEnrollment(long cadreId) {
        return jdbc.sql("SELECT certificate_number FROM enrollment WHERE class_id = ? AND cadre_id = ?")
                .params(classId, cadreId).query(String.class).optional().orElse(null);
    }

    private static String numberOf(List<Certificate> list, long cadreId) {
        return list.stream().filter(c -> c.cadreId() == cadreId).findFirst().orElseThrow().certificateNumber();
    }
}
