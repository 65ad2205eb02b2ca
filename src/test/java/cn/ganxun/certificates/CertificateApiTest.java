package cn.ganxun.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ganxun.cadres.Rank;
import cn.ganxun.institutions.InstitutionKind;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** Public verification without login (valid, unknown, revoked; nothing personal beyond the listed fields) and who may download the PDF. */
@GanxunTest
@AutoConfigureMockMvc
@AlsoOnPostgres
@Transactional
class CertificateApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CertificateService certificates;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    long unit;
    long holder;
    long classId;
    Certificate certificate;

    @BeforeEach
    void setUp() {
        unit = fixtures.unit("查验测试局");
        holder = fixtures.cadre(unit, Rank.STAFF);
        classId = fixtures.trainingClass("查验", LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 14), true);
        fixtures.course(classId, "PARTY_THEORY", 40);
        fixtures.enroll(classId, holder, "ENROLLED", null);
        completion.result(classId, holder, "GOOD", true);
        certificate = certificates.issueFor(classId).get(0);
    }

    @Test
    void R21_a_valid_number_verifies_without_login_showing_only_name_class_dates_and_validity() throws Exception {
        String body = mvc.perform(get("/public/certificates/" + certificate.certificateNumber()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(completion.cadreName(holder)))
                .andExpect(jsonPath("$.classTitle").value(completion.classTitle(classId)))
                .andExpect(jsonPath("$.startDate").value("2027-05-10"))
                .andExpect(jsonPath("$.endDate").value("2027-05-14"))
                .andExpect(jsonPath("$.status").value("有效"))
                .andReturn().getResponse().getContentAsString();

        Map<String, Object> fields = json.readValue(body, new TypeReference<>() { });
        assertThat(fields).containsOnlyKeys("name", "classTitle", "startDate", "endDate", "status");
        String idNumber = jdbc.sql("SELECT id_number FROM cadre WHERE id = ?").param(holder).query(String.class).single();
        assertThat(body).doesNotContain(idNumber, "查验测试局", "GOOD", "良好", certificate.verificationCode());
    }

    @Test
    void R21_an_unknown_number_is_404_with_a_chinese_message() throws Exception {
        mvc.perform(get("/public/certificates/GX-1999-000000"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("未找到该证书编号，请核对后重试"));
        mvc.perform(get("/public/certificates/" + certificate.certificateNumber()).param("code", "AAAAAAAA"))
                .andExpect(status().isNotFound());
    }

    @Test
    void R21_a_revoked_certificate_verifies_as_revoked() throws Exception {
        String org = directory.user("cert-orgstaff", Groups.ORG_DEPT);
        mvc.perform(post("/api/certificates/" + certificate.certificateNumber() + "/revocation").with(httpBasic(org, org))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"重复发证\"}"))
                .andExpect(status().isNoContent());

        mvc.perform(get("/public/certificates/" + certificate.certificateNumber()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("已撤销"));
    }

    @Test
    void the_verification_page_is_public() throws Exception {
        String page = mvc.perform(get("/verify.html"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("结业证书查验", "/public/certificates/").doesNotContain("http://", "https://");
    }

    @Test
    void the_pdf_goes_to_the_holder_their_unit_hr_the_institution_and_the_org_department_only() throws Exception {
        String pdfPath = "/api/certificates/" + certificate.certificateNumber() + "/pdf";
        String own = directory.user("cert-trainee", Groups.TRAINEE);
        directory.bindToCadre(own, holder);
        String other = directory.user("cert-other-trainee", Groups.TRAINEE);
        directory.bindToCadre(other, fixtures.cadre(unit, Rank.STAFF));
        String code = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unit).query(String.class).single();
        String hr = directory.user("cert-hr", Groups.UNIT_HR, Groups.unitHr(code));
        directory.bindToUnit(hr, unit);
        String otherHr = directory.user("cert-other-hr", Groups.UNIT_HR);
        directory.bindToUnit(otherHr, fixtures.unit("别的局"));
        String inst = directory.user("cert-inst", Groups.INSTITUTION);
        directory.bindToInstitution(inst, certificate.institutionId());
        String otherInst = directory.user("cert-other-inst", Groups.INSTITUTION);
        directory.bindToInstitution(otherInst,
                directory.institution("FXI99", "别的学院", InstitutionKind.CADRE_COLLEGE).id());
        String org = directory.user("cert-orgstaff", Groups.ORG_DEPT);

        for (String allowed : new String[] {own, hr, inst, org}) {
            byte[] pdf = mvc.perform(get(pdfPath).with(httpBasic(allowed, allowed)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        }
        for (String refused : new String[] {other, otherHr, otherInst}) {
            mvc.perform(get(pdfPath).with(httpBasic(refused, refused))).andExpect(status().isForbidden());
        }
        mvc.perform(get(pdfPath)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/certificates/GX-1999-000000/pdf").with(httpBasic(org, org))).andExpect(status().isNotFound());
    }
}
