package cn.ganxun.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** The attendance REST API and page: 400s that name the problem, 403s for strangers, reads for the institution. */
@GanxunTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class AttendanceApiTest {

    static final String TEACHER = "api-att-teacher";
    static final String OTHER_TEACHER = "api-att-other-teacher";
    static final String INSTITUTION_STAFF = "api-att-inst";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    long unitId;
    String unitHr;
    long classId;
    LocalDate start;
    List<Long> cadres;
    long outsider;
    long sessionId;

    @BeforeEach
    void setUp() throws Exception {
        unitId = fixtures.unit("接口考勤局");
        String code = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unitId).query(String.class).single();
        unitHr = directory.user("api-att-hr-" + code.toLowerCase(), Groups.UNIT_HR, Groups.unitHr(code));
        directory.bindToUnit(unitHr, unitId);
        start = EngineClock.today().plusDays(2);
        classId = fixtures.trainingClass("接口考勤", start, start.plusDays(2), true);
        cadres = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long cadre = fixtures.cadre(unitId, Rank.STAFF);
            fixtures.enroll(classId, cadre, "ENROLLED", null);
            cadres.add(cadre);
        }
        outsider = fixtures.cadre(unitId, Rank.STAFF);
        directory.user(TEACHER, Groups.CLASS_TEACHER);
        directory.user(OTHER_TEACHER, Groups.CLASS_TEACHER);
        directory.user(INSTITUTION_STAFF, Groups.INSTITUTION, Groups.institution("FXI01"));
        jdbc.sql("INSERT INTO class_staff (class_id, user_id, role) VALUES (?, ?, 'CLASS_TEACHER')").params(classId, TEACHER)
                .update();
        String created = mvc.perform(post("/api/classes/" + classId + "/sessions").with(httpBasic(TEACHER, TEACHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("sessionDate", start.toString(), "period", "MORNING",
                                "title", "开班第一课", "hours", 4))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        sessionId = json.readTree(created).get("id").asLong();
    }

    private ResultActions putRegister(String user, long session, Object body) throws Exception {
        return mvc.perform(put("/api/sessions/" + session + "/attendance").with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private ResultActions importCsv(String user, String csv) throws Exception {
        return mvc.perform(post("/api/classes/" + classId + "/attendance/import").with(httpBasic(user, user))
                .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theClassTeacherPutsAWholeRegisterAndTheInstitutionReadsIt() throws Exception {
        putRegister(TEACHER, sessionId, Map.of("marks", Map.of(String.valueOf(cadres.get(0)), "PRESENT",
                String.valueOf(cadres.get(1)), "缺勤")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(2));
        mvc.perform(get("/api/classes/" + classId + "/attendance").with(httpBasic(INSTITUTION_STAFF, INSTITUTION_STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions", hasSize(1)))
                .andExpect(jsonPath("$.trainees", hasSize(2)))
                .andExpect(jsonPath("$.trainees[1].marks['" + sessionId + "']").value("ABSENT"))
                .andExpect(jsonPath("$.trainees[1].absences").value(1));
        mvc.perform(get("/api/classes/" + classId + "/sessions").with(httpBasic(INSTITUTION_STAFF, INSTITUTION_STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("开班第一课"));
        // a correction through the API keeps the history
        mvc.perform(post("/api/sessions/" + sessionId + "/attendance/corrections").with(httpBasic(TEACHER, TEACHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("cadreId", cadres.get(1), "mark", "LATE"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("更正考勤须填写理由")));
        mvc.perform(post("/api/sessions/" + sessionId + "/attendance/corrections").with(httpBasic(TEACHER, TEACHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("cadreId", cadres.get(1), "mark", "LATE", "reason", "交通管制"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mark").value("LATE"));
        mvc.perform(get("/api/sessions/" + sessionId + "/attendance/" + cadres.get(1) + "/history")
                        .with(httpBasic(TEACHER, TEACHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].mark").value("ABSENT"));
    }

    @Test
    void badRegistersAre400sNamingTheProblemAndWriteNothing() throws Exception {
        putRegister(TEACHER, sessionId, Map.of("marks", Map.of(String.valueOf(cadres.get(0)), "SICK")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("考勤取值无效：SICK")));
        putRegister(TEACHER, sessionId, Map.of("marks", Map.of(String.valueOf(cadres.get(0)), "PRESENT",
                String.valueOf(outsider), "PRESENT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("干部 " + outsider + " 不在本班名单中")));
        putRegister(TEACHER, 987654321L, Map.of("marks", Map.of(String.valueOf(cadres.get(0)), "PRESENT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("教学场次不存在：987654321")));
        mvc.perform(post("/api/classes/" + classId + "/sessions").with(httpBasic(TEACHER, TEACHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("sessionDate", start.toString(), "period", "MORNING",
                                "hours", 4))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("已有教学场次")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE session_id = ?").param(sessionId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aClassTeacherOfAnotherClassAndUnitHrGet403() throws Exception {
        Map<String, Object> body = Map.of("marks", Map.of(String.valueOf(cadres.get(0)), "PRESENT"));
        putRegister(OTHER_TEACHER, sessionId, body)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("只有本班班主任或组织部可以登记考勤")));
        putRegister(unitHr, sessionId, body).andExpect(status().isForbidden());
        mvc.perform(get("/api/classes/" + classId + "/attendance").with(httpBasic(unitHr, unitHr)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/classes/" + classId + "/attendance").with(httpBasic(OTHER_TEACHER, OTHER_TEACHER)))
                .andExpect(status().isForbidden());
        importCsv(OTHER_TEACHER, "干部编号,日期,时段,考勤\n").andExpect(status().isForbidden());
        mvc.perform(put("/api/sessions/" + sessionId + "/attendance").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
    }

    @Test
    void deviceUploadAsCsvOrJsonIsAllOrNothing() throws Exception {
        String n0 = number(cadres.get(0));
        String n1 = number(cadres.get(1));
        importCsv(TEACHER, "干部编号,日期,时段,考勤\n" + n0 + "," + start + ",上午,出勤\n" + n1 + "," + start + ",下午,出勤\n"
                + n1 + ",2001-01-01,上午,缺勤\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.message").value(containsString("第 3 行：本班没有 " + start + " 下午 的教学场次")))
                .andExpect(jsonPath("$.message").value(containsString("第 4 行：本班没有 2001-01-01 上午 的教学场次")));
        importCsv(TEACHER, "编号,日期,考勤\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("CSV 表头缺少列：干部编号、时段")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE session_id = ?").param(sessionId)
                .query(Long.class).single()).isZero();

        importCsv(TEACHER, "干部编号,日期,时段,考勤\n" + n0 + "," + start + ",上午,出勤\n")
                .andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(1));
        mvc.perform(post("/api/classes/" + classId + "/attendance/import").with(httpBasic(TEACHER, TEACHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(List.of(Map.of("cadreId", cadres.get(1), "date", start.toString(),
                                "period", "MORNING", "mark", "LATE", "recordedAt", start + "T08:20:00")))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(1));
        mvc.perform(post("/api/classes/" + classId + "/attendance/import").with(httpBasic(TEACHER, TEACHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(List.of(Map.of("cadreNumber", "NOPE", "date", start.toString(),
                                "period", "MORNING", "mark", "PRESENT")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("第 1 行：干部编号不存在：NOPE")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE session_id = ?").param(sessionId)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theRegisterPageIsServedWithoutLoginAndItsDataStaysBehindTheApi() throws Exception {
        byte[] page = mvc.perform(get("/attendance.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsByteArray();
        // the page declares <meta charset="UTF-8">; read it as the browser does
        assertThat(new String(page, StandardCharsets.UTF_8)).contains("<meta charset=\"UTF-8\">", "考勤登记",
                "/api/sessions/", "<label for=\"classId\">", "<label for=\"session\">");
        mvc.perform(get("/api/classes/" + classId + "/attendance")).andExpect(status().isUnauthorized());
    }

    private String number(long cadreId) {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }
}
