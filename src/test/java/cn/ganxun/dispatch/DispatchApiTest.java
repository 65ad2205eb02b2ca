package cn.ganxun.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ganxun.cadres.Rank;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** The dispatch REST API: 400s that name the problem, 403s across units, and the happy path through the processes. */
@GanxunTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class DispatchApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired RosterService roster;
    @Autowired JdbcClient jdbc;

    long unitA;
    long unitB;
    String hrA;
    String hrB;
    long classId;
    List<Long> cadresA;

    @BeforeEach
    void setUp() {
        unitA = fixtures.unit("接口甲局");
        unitB = fixtures.unit("接口乙局");
        hrA = hr(unitA);
        hrB = hr(unitB);
        directory.user("api-orgstaff", Groups.ORG_DEPT);
        cadresA = List.of(fixtures.cadre(unitA, Rank.STAFF), fixtures.cadre(unitA, Rank.STAFF));
        LocalDate start = EngineClock.today().plusDays(45);
        classId = fixtures.trainingClass("接口测试", start, start.plusDays(4), true);
        fixtures.course(classId, "PARTY_THEORY", 32);
        runtimeService.startProcessInstanceByKey(TrainingClassProcess.KEY, fixtures.classNumber(classId),
                Map.of(TrainingClassProcess.Vars.CLASS_ID, classId));
    }

    private String hr(long unit) {
        String code = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unit).query(String.class).single();
        String user = directory.user("api-hr-" + code.toLowerCase(), Groups.UNIT_HR, Groups.unitHr(code));
        directory.bindToUnit(user, unit);
        return user;
    }

    private ResultActions postAs(String user, String path, Object body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private Map<String, Object> plan(String deadline, List<Long> named, long unit, int seats) {
        return Map.of("enrollmentDeadline", deadline, "namedCadreIds", named,
                "allocations", List.of(Map.of("unitId", unit, "seats", seats)), "reviewNominations", false);
    }

    private long openRosterForUnitA(int seats) throws Exception {
        postAs("api-orgstaff", "/api/classes/" + classId + "/roster",
                plan(EngineClock.now().plusDays(20).withNano(0).toString(), List.of(), unitA, seats))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quotaAllocations", hasSize(1)));
        for (Job job : managementService.createJobQuery().messages().list()) {
            managementService.executeJob(job.getId());
        }
        return roster.allocationIds(classId).get(0);
    }

    @Test
    void onlyTheOrgDepartmentPlansTheRoster() throws Exception {
        postAs(hrA, "/api/classes/" + classId + "/roster", plan(EngineClock.now().plusDays(20).toString(), List.of(), unitA, 1))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("无权访问")));
    }

    @Test
    void aBadSeatPlanIsA400NamingEachProblem() throws Exception {
        postAs("api-orgstaff", "/api/classes/" + classId + "/roster",
                plan(EngineClock.now().minusDays(1).withNano(0).toString(), List.of(), unitA, 31))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("报名截止时间已过")))
                .andExpect(jsonPath("$.message").value(containsString("超过计划参训人数（30）")));
        postAs("api-orgstaff", "/api/classes/" + classId + "/roster",
                plan(EngineClock.now().plusDays(20).withNano(0).toString(), List.of(-5L), unitA, 1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("干部不存在：-5")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM class_roster WHERE class_id = ?").param(classId).query(Long.class).single())
                .isZero();
    }

    @Test
    void r9_unitHrOfAnotherUnitCannotSeeOrNominateForTheAllocation() throws Exception {
        long allocation = openRosterForUnitA(2);
        mvc.perform(get("/api/quota-allocations/" + allocation).with(httpBasic(hrB, hrB)))
                .andExpect(status().isForbidden());
        postAs(hrB, "/api/quota-allocations/" + allocation + "/nominations", Map.of("cadreIds", cadresA))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("不属于您的单位")));
    }

    @Test
    void r9_unitHrCannotNominateAnotherUnitsCadres() throws Exception {
        long allocation = openRosterForUnitA(2);
        long cadreOfB = fixtures.cadre(unitB, Rank.STAFF);
        postAs(hrA, "/api/quota-allocations/" + allocation + "/nominations", Map.of("cadreIds", List.of(cadresA.get(0), cadreOfB)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("R9")));
        postAs(hrA, "/api/quota-allocations/" + allocation + "/nominations", Map.of("cadreIds", List.of(cadresA.get(0))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("须推荐恰好 2 人")));
        postAs(hrA, "/api/quota-allocations/" + allocation + "/nominations", Map.of("cadreIds", List.of(-1L, -2L)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("干部不存在")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM nomination WHERE class_id = ?").param(classId).query(Long.class).single())
                .isZero();
    }

    @Test
    void unitHrSeesTheirPickerAndNominates() throws Exception {
        long allocation = openRosterForUnitA(2);
        mvc.perform(get("/api/quota-allocations/" + allocation).with(httpBasic(hrA, hrA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates", hasSize(2)))
                .andExpect(jsonPath("$.candidates[0].light.light").value("RED"));
        postAs(hrA, "/api/quota-allocations/" + allocation + "/nominations", Map.of("cadreIds", cadresA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocation.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.allocation.seatsUsed").value(2));
    }
}
