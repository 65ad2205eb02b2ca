package cn.ganxun.attendance;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** PUT /api/classes/{id}/staff: who teaches, lectures and liaises a class (R16, R19). */
@GanxunTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class ClassStaffApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;

    long classId;

    @BeforeEach
    void setUp() {
        LocalDate start = EngineClock.today().plusDays(10);
        classId = fixtures.trainingClass("班主任安排", start, start.plusDays(3), true);
        directory.user("staff-org", Groups.ORG_DEPT);
        directory.user("staff-teacher", Groups.CLASS_TEACHER);
        directory.user("staff-lecturer", Groups.LECTURER);
        directory.user("staff-unithr", Groups.UNIT_HR);
    }

    private ResultActions putAs(String user, Object body) throws Exception {
        return mvc.perform(put("/api/classes/" + classId + "/staff").with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    @Test
    void orgDepartmentAssignsTeachersAndLecturers() throws Exception {
        putAs("staff-org", Map.of("CLASS_TEACHER", List.of("staff-teacher"), "LECTURER", List.of("staff-lecturer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.CLASS_TEACHER[0]").value("staff-teacher"))
                .andExpect(jsonPath("$.LECTURER[0]").value("staff-lecturer"));
    }

    @Test
    void aUserOutsideTheRolesGroupIsA400() throws Exception {
        putAs("staff-org", Map.of("CLASS_TEACHER", List.of("staff-lecturer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("不属于 class-teacher 组")));
        putAs("staff-org", Map.of("JANITOR", List.of("staff-teacher")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("未知的角色")));
    }

    @Test
    void unitHrMayNotAssignStaff() throws Exception {
        putAs("staff-unithr", Map.of("CLASS_TEACHER", List.of("staff-teacher")))
                .andExpect(status().isForbidden());
    }
}
