package cn.ganxun.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ganxun.certificates.CertificateService;
import cn.ganxun.credits.CreditService;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** The delivery list, report PDFs and retry over HTTP (R30): who may see what, and refusals with Chinese messages. */
@GanxunTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class FeedbackApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired UnitFeedbackService feedback;
    @Autowired CertificateService certificates;
    @Autowired CreditService credits;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    FeedbackClass k;
    long reportA;
    long reportB;

    @BeforeEach
    void setUp() {
        directory.user("fbapi-org", Groups.ORG_DEPT);
        directory.user("fbapi-manager", Groups.MANAGER);
        directory.user("fbapi-trainee", Groups.TRAINEE);
        directory.user("fbapi-hr", Groups.UNIT_HR);
        k = new FeedbackClass(fixtures, completion, certificates, credits, jdbc);
        directory.bindToUnit("fbapi-hr", k.unitA);
        List<Long> reports = feedback.prepareReports(k.classId, FeedbackOccasion.RESULTS, null);
        reportA = reports.get(0);
        reportB = reports.get(1);
        feedback.deliver(reportA);
    }

    @Test
    void r30_theOrgDepartmentSeesEveryReportAndRecipientWithItsState() throws Exception {
        List<Map<String, Object>> list = deliveries("/api/feedback/deliveries?classId=" + k.classId, "fbapi-org");
        assertThat(list).filteredOn(d -> ((Number) d.get("reportId")).longValue() == reportA)
                .isNotEmpty()
                .allSatisfy(d -> {
                    assertThat(d).containsEntry("status", "SENT").containsEntry("classNumber", k.classNumber)
                            .containsEntry("classTitle", k.classTitle).containsEntry("unitName", k.unitAName)
                            .containsEntry("occasion", "RESULTS").containsEntry("occasionLabel", "结业反馈")
                            .containsEntry("attempts", 1);
                    assertThat(d.get("sentAt")).isNotNull();
                    assertThat(d.get("recipientRoleLabel")).isIn("单位主要负责人", "组织部");
                });
        assertThat(list).filteredOn(d -> k.leaderA.equals(d.get("recipient")))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("recipientRole", "UNIT_LEADER"));
        // report B has not been attempted: one line without recipient, PENDING
        assertThat(list).filteredOn(d -> ((Number) d.get("reportId")).longValue() == reportB).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "PENDING").containsEntry("unitName", k.unitBName)
                        .doesNotContainKey("recipient"));

        assertThat(deliveries("/api/feedback/deliveries?classId=" + k.classId + "&status=PENDING", "fbapi-manager"))
                .extracting(d -> ((Number) d.get("reportId")).longValue()).containsOnly(reportB);
        mvc.perform(get("/api/feedback/deliveries").param("status", "LOST").with(httpBasic("fbapi-org", "fbapi-org")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("送达状态只能是")));
    }

    @Test
    void r30_aTraineeMayNotSeeFeedback() throws Exception {
        mvc.perform(get("/api/feedback/deliveries").with(httpBasic("fbapi-trainee", "fbapi-trainee")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("无权访问")));
        mvc.perform(get("/api/feedback/reports/" + reportA + "/pdf").with(httpBasic("fbapi-trainee", "fbapi-trainee")))
                .andExpect(status().isForbidden());
    }

    @Test
    void r30_unitHrSeesOnlyTheirOwnUnitsReports() throws Exception {
        assertThat(deliveries("/api/feedback/deliveries?classId=" + k.classId, "fbapi-hr"))
                .isNotEmpty().allSatisfy(d -> assertThat(d).containsEntry("unitName", k.unitAName));
        byte[] pdf = mvc.perform(get("/api/feedback/reports/" + reportA + "/pdf").with(httpBasic("fbapi-hr", "fbapi-hr")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/api/feedback/reports/" + reportB + "/pdf").with(httpBasic("fbapi-hr", "fbapi-hr")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("本单位")));
        mvc.perform(post("/api/feedback/reports/" + reportA + "/retry").with(httpBasic("fbapi-hr", "fbapi-hr")))
                .andExpect(status().isForbidden());
    }

    @Test
    void r30_retryIsRefusedWhenNothingFailed() throws Exception {
        mvc.perform(post("/api/feedback/reports/" + reportA + "/retry").with(httpBasic("fbapi-org", "fbapi-org")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("没有待重试的发送任务")));
        mvc.perform(post("/api/feedback/reports/" + reportA + "/retry").with(httpBasic("fbapi-manager", "fbapi-manager")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/feedback/reports/-1/pdf").with(httpBasic("fbapi-org", "fbapi-org")))
                .andExpect(status().isNotFound());
    }

    private List<Map<String, Object>> deliveries(String path, String user) throws Exception {
        String body = mvc.perform(get(path).with(httpBasic(user, user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readValue(body, new TypeReference<>() { });
    }
}
