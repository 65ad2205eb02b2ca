package cn.ganxun.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ganxun.institutions.Institution;
import cn.ganxun.institutions.InstitutionKind;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;

/** POST /api/class-filings and GET /api/classes: validation (400), authentication (401), authorization (403). */
@GanxunTest
@AlsoOnPostgres
@AutoConfigureMockMvc
class ClassFilingApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired HistoryService history;

    Institution partySchool;
    Institution cadreCollege;

    @BeforeEach
    void setUp() {
        partySchool = directory.institution("DX01", "市委党校", InstitutionKind.PARTY_SCHOOL);
        cadreCollege = directory.institution("GB01", "市干部学院", InstitutionKind.CADRE_COLLEGE);
        directory.user("api-inst", Groups.INSTITUTION, Groups.institution("DX01"));
        directory.bindToInstitution("api-inst", partySchool.id());
        directory.user("api-inst2", Groups.INSTITUTION, Groups.institution("GB01"));
        directory.bindToInstitution("api-inst2", cadreCollege.id());
        directory.user("api-org", Groups.ORG_DEPT);
        directory.user("api-trainee", Groups.TRAINEE);
        directory.user("api-unithr", Groups.UNIT_HR);
    }

    static Map<String, Object> filing(int participants, LocalDate start, LocalDate end, double totalHours) {
        return new java.util.HashMap<>(Map.of(
                "title", "乡科级干部党性教育专题班",
                "classType", "SPECIAL_TOPIC",
                "topic", "党性修养",
                "startDate", start.toString(),
                "endDate", end.toString(),
                "offJob", true,
                "plannedParticipants", participants,
                "dispatchMode", "MIXED",
                "totalHours", totalHours,
                "courses", List.of(
                        Map.of("title", "党章党规学习", "hours", 20, "category", "PARTY_THEORY"),
                        Map.of("title", "红色教育现场教学", "hours", 12, "category", "PARTY_SPIRIT"),
                        Map.of("title", "基层治理实务", "hours", 8, "category", "PROFESSIONAL"))));
    }

    private ResultActions postAs(String user, Object body) throws Exception {
        return mvc.perform(post("/api/class-filings").with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private long classCount() {
        return jdbc.sql("SELECT count(*) FROM training_class").query(Long.class).single();
    }

    @Test
    void institutionFilesAClassThatGoesToReview() throws Exception {
        LocalDate start = LocalDate.now().plusDays(45);
        String body = postAs("api-inst", filing(40, start, start.plusDays(4), 40))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/classes/")))
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.institutionCode").value("DX01"))
                .andExpect(jsonPath("$.classNumber").value(containsString("DX01-")))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();

        mvc.perform(get("/api/classes/" + id).with(httpBasic("api-inst", "api-inst")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.courses.length()").value(3))
                .andExpect(jsonPath("$.findings[*].ruleId").value(hasItem("R13")))
                .andExpect(jsonPath("$.history[0].action").value("FILED"));
        mvc.perform(get("/api/classes/" + id).with(httpBasic("api-inst2", "api-inst2")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("无权访问")));
        mvc.perform(get("/api/classes").param("q", "党性教育专题班").with(httpBasic("api-org", "api-org")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem((int) id)));
        mvc.perform(get("/api/classes").with(httpBasic("api-inst2", "api-inst2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.institutionCode == 'DX01')]").isEmpty());
    }

    @Test
    void theFilingsFieldsLiveInTheClassTablesNotInTheEngine() throws Exception {
        LocalDate start = LocalDate.now().plusDays(45);
        String body = postAs("api-inst", filing(40, start, start.plusDays(4), 40)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        String processInstanceId = jdbc.sql("SELECT process_instance_id FROM training_class WHERE id = ?").param(id)
                .query(String.class).single();

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list())
                .extracting(HistoricVariableInstance::getName)
                .as("the form's fields were transient: neither runtime nor history rows").doesNotContainAnyElementsOf(
                        ClassFilingProcess.Vars.FILING_FIELDS)
                .contains(ClassFilingProcess.Vars.CLASS_ID);
        assertThat(json.readTree(body).get("title").asText()).isEqualTo("乡科级干部党性教育专题班");
    }

    @Test
    void endBeforeStartIsA400NamingTheField() throws Exception {
        long before = classCount();
        LocalDate start = LocalDate.now().plusDays(45);
        postAs("api-inst", filing(40, start, start.minusDays(1), 40))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("结束日期不能早于开班日期")))
                .andExpect(jsonPath("$.errors[0].field").value("endDate"));
        assertThat(classCount()).isEqualTo(before);
    }

    @Test
    void negativeParticipantsIsA400() throws Exception {
        LocalDate start = LocalDate.now().plusDays(45);
        postAs("api-inst", filing(-1, start, start.plusDays(4), 40))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("plannedParticipants")));
    }

    @Test
    void hoursThatDoNotAddUpAreA400() throws Exception {
        LocalDate start = LocalDate.now().plusDays(45);
        postAs("api-inst", filing(40, start, start.plusDays(4), 42))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("申报总学时（42）与课程学时合计（40）不一致")));
    }

    @Test
    void unknownInstitutionIsA400() throws Exception {
        LocalDate start = LocalDate.now().plusDays(45);
        Map<String, Object> body = filing(40, start, start.plusDays(4), 40);
        body.put("institutionCode", "XX99");
        postAs("api-org", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("未知的培训机构：XX99")));
    }

    @Test
    void institutionCannotFileForAnotherInstitution() throws Exception {
        LocalDate start = LocalDate.now().plusDays(45);
        Map<String, Object> body = filing(40, start, start.plusDays(4), 40);
        body.put("institutionCode", "GB01");
        postAs("api-inst", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("只能以本机构")));
    }

    @Test
    void malformedDateIsA400() throws Exception {
        Map<String, Object> body = filing(40, LocalDate.now().plusDays(45), LocalDate.now().plusDays(49), 40);
        body.put("startDate", "2027-13-45");
        postAs("api-inst", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("日期")));
    }

    @Test
    void wrongRoleIsA403() throws Exception {
        LocalDate start = LocalDate.now().plusDays(45);
        for (String user : List.of("api-trainee", "api-unithr")) {
            postAs(user, filing(40, start, start.plusDays(4), 40))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.message").value(containsString("无权访问")));
            mvc.perform(get("/api/classes").with(httpBasic(user, user))).andExpect(status().isForbidden());
        }
    }

    @Test
    void noCredentialsIsA401() throws Exception {
        mvc.perform(get("/api/classes"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(containsString("请先登录")));
    }
}
