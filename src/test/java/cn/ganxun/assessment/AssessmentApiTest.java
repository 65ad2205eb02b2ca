package cn.ganxun.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** The assessment over REST: scheme configuration, start, scores as JSON (same checks as the forms), results. */
@GanxunTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class AssessmentApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    AssessmentClass k;
    String base;

    @BeforeEach
    void setUp() {
        k = new AssessmentClass(fixtures, directory, jdbc, 2, 1);
        base = "/api/classes/" + k.classId;
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user,
            Object body) throws Exception {
        return mvc.perform(request.with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    @Test
    void r18_theClassTeacherConfiguresTheSchemeAndABadSchemeIsA400() throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        ScoringScheme.defaultItems().forEach(i -> items.add(Map.of("block", i.block(), "code", i.code(), "name", i.name(),
                "maxPoints", i.maxPoints())));
        send(put(base + "/scoring-scheme"), k.teacher, items.subList(1, items.size()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("合计须为100分，实际为 85 分")));
        String stranger = directory.user("api-stranger", Groups.CLASS_TEACHER);
        send(put(base + "/scoring-scheme"), stranger, items).andExpect(status().isForbidden());
        items.add(Map.of("block", "BONUS", "code", "BONUS_EXTRA", "name", "额外加分", "maxPoints", 30));
        send(put(base + "/scoring-scheme"), k.teacher, items)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(13)));
    }

    @Test
    void scoresPostedAsJsonCompleteTheRatersTaskWithTheSameChecks() throws Exception {
        send(post(base + "/assessment"), k.teacher, Map.of()).andExpect(status().isOk());
        Map<String, Object> bad = Map.of("raterKind", "LIAISON", "scores", List.of(
                Map.of("cadreNumber", k.numbers.get(0), "points", Map.of("POLITICAL_QUALITY", 101, "TEAMWORK", 80)),
                Map.of("cadreNumber", "C-NOBODY", "points", Map.of("POLITICAL_QUALITY", 90, "TEAMWORK", 80))));
        send(post(base + "/assessment/scores"), k.liaison, bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("政治素质 101 分超出范围（0–100）")))
                .andExpect(jsonPath("$.message").value(containsString("干部 C-NOBODY 不在本班学员名单中")));
        send(post(base + "/assessment/scores"), k.lecturers.get(0), Map.of("raterKind", "LIAISON", "scores", List.of()))
                .andExpect(status().isForbidden());
        Map<String, Object> good = Map.of("raterKind", "LIAISON", "scores", List.of(
                Map.of("cadreNumber", k.numbers.get(0), "points", Map.of("POLITICAL_QUALITY", 90, "TEAMWORK", 80)),
                Map.of("cadreNumber", k.numbers.get(1), "points", Map.of("POLITICAL_QUALITY", 70, "TEAMWORK", 60.5))));
        send(post(base + "/assessment/scores"), k.liaison, good).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM score WHERE class_id = ? AND rater_kind = 'LIAISON'").param(k.classId)
                .query(Long.class).single()).isEqualTo(4);

        Map<String, Object> peer = Map.of("raterKind", "PEER", "traineeNumber", k.numbers.get(0),
                "scores", List.of(Map.of("cadreNumber", k.numbers.get(1), "points", Map.of("OVERALL", 88))),
                "selfEvaluation", Map.of("knowledge", "新知识", "inspiration", "新启发", "newIdeas", "新思路"));
        send(post(base + "/assessment/scores"), k.teacher, peer).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT written_by FROM self_evaluation WHERE class_id = ?").param(k.classId)
                .query(String.class).single()).isEqualTo(k.teacher);
        mvc.perform(get(base + "/assessment/results").with(httpBasic(k.teacher, k.teacher))).andExpect(status().isOk());
    }
}
