package cn.ganxun.cadres;

import static cn.ganxun.cadres.TestCadres.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.GanxunTest;

/** GET /api/cadres, GET /api/cadres/{id} and POST /api/cadres/{id}/events on the demo city. */
@GanxunTest
@AutoConfigureMockMvc
@Transactional
class CadreApiTest {

    private static final RequestPostProcessor ORG_DEPT = as("org-test", Groups.ORG_DEPT);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void pagesThroughEveryUnitSortedByCadreNumber() throws Exception {
        JsonNode page = ok(get("/api/cadres").param("page", "1").param("size", "10"), ORG_DEPT);

        assertThat(page.get("total").asLong()).isEqualTo(count("SELECT COUNT(*) FROM cadre"));
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(numbers(page)).containsExactlyElementsOf(jdbc.sql(
                "SELECT cadre_number FROM cadre ORDER BY cadre_number LIMIT 10 OFFSET 10").query(String.class).list());
        assertThat(page.at("/items/0/unit/code").asText()).isNotBlank();
        assertThat(page.at("/items/0/idNumber").isMissingNode()).isTrue();
    }

    @Test
    void sortsRankBySeniorityAndOtherColumnsBothWays() throws Exception {
        assertThat(ok(get("/api/cadres").param("sort", "rank"), ORG_DEPT).at("/items/0/rank").asText())
                .isEqualTo("BUREAU");
        assertThat(ok(get("/api/cadres").param("sort", "rank,desc"), ORG_DEPT).at("/items/0/rank").asText())
                .isEqualTo("STAFF");
        assertThat(ok(get("/api/cadres").param("sort", "birthDate,desc").param("size", "1"), ORG_DEPT)
                .at("/items/0/birthDate").asText())
                .isEqualTo(jdbc.sql("SELECT MAX(birth_date) FROM cadre").query(LocalDate.class).single().toString());
    }

    @Test
    void filtersByRankCategoryAndStatusGivenAsCodesOrChineseLabels() throws Exception {
        JsonNode county = ok(get("/api/cadres").param("rank", "县处级正职").param("size", "200"), ORG_DEPT);
        assertThat(county.get("total").asLong())
                .isEqualTo(count("SELECT COUNT(*) FROM cadre WHERE rank_level = 'COUNTY_PRINCIPAL'")).isPositive();
        county.get("items").forEach(item -> assertThat(item.get("rank").asText()).isEqualTo("COUNTY_PRINCIPAL"));

        JsonNode young = ok(get("/api/cadres").param("category", "YOUNG_CADRE").param("status", "在职"), ORG_DEPT);
        assertThat(young.get("total").asLong()).isEqualTo(
                count("SELECT COUNT(*) FROM cadre WHERE category = 'YOUNG_CADRE' AND status = 'ACTIVE'")).isPositive();

        JsonNode retired = ok(get("/api/cadres").param("status", "RETIRED"), ORG_DEPT);
        assertThat(retired.get("total").asLong()).isEqualTo(count("SELECT COUNT(*) FROM cadre WHERE status = 'RETIRED'"))
                .isPositive();
    }

    @Test
    void searchesByNameOrNumberFragmentWithoutWildcards() throws Exception {
        String name = jdbc.sql("SELECT name FROM cadre WHERE cadre_number = 'C000001'").query(String.class).single();

        assertThat(numbers(ok(get("/api/cadres").param("q", name).param("size", "200"), ORG_DEPT))).contains("C000001");
        assertThat(numbers(ok(get("/api/cadres").param("q", "c00001").param("size", "200"), ORG_DEPT)))
                .hasSize(10).allSatisfy(number -> assertThat(number).startsWith("C00001"));
        assertThat(ok(get("/api/cadres").param("q", "%"), ORG_DEPT).get("total").asLong()).isZero();
    }

    @Test
    void filtersByUnitWithOrWithoutItsSubUnits() throws Exception {
        long ds01 = unitId("DS01");

        JsonNode district = ok(get("/api/cadres").param("unitId", String.valueOf(ds01)), ORG_DEPT);
        JsonNode withTowns = ok(get("/api/cadres").param("unitId", String.valueOf(ds01)).param("subUnits", "true")
                .param("size", "200"), ORG_DEPT);

        assertThat(district.get("total").asLong()).isEqualTo(count("SELECT COUNT(*) FROM cadre WHERE unit_id = " + ds01));
        assertThat(withTowns.get("total").asLong()).isEqualTo(count("""
                SELECT COUNT(*) FROM cadre c JOIN unit u ON u.id = c.unit_id WHERE u.id = %d OR u.parent_id = %d"""
                .formatted(ds01, ds01))).isGreaterThan(district.get("total").asLong());
        withTowns.get("items").forEach(item ->
                assertThat(item.at("/unit/code").asText()).matches("DS01|TN01\\d\\d"));
    }

    @Test
    void unitHrSeeOnlyTheCadresOfTheirUnitAndItsTowns() throws Exception {
        RequestPostProcessor hr = unitHr("hr-ds01-test", "DS01");

        JsonNode page = ok(get("/api/cadres").param("size", "200"), hr);

        long ds01 = unitId("DS01");
        assertThat(page.get("total").asLong()).isEqualTo(count("""
                SELECT COUNT(*) FROM cadre c JOIN unit u ON u.id = c.unit_id WHERE u.id = %d OR u.parent_id = %d"""
                .formatted(ds01, ds01)));
        page.get("items").forEach(item -> assertThat(item.at("/unit/code").asText()).matches("DS01|TN01\\d\\d"));
        long own = page.at("/items/0/id").asLong();
        ok(get("/api/cadres/" + own), hr);
    }

    @Test
    void unitHrAskingForAnotherUnitsCadreGet403() throws Exception {
        RequestPostProcessor hr = unitHr("hr-ds01-test", "DS01");

        mvc.perform(get("/api/cadres/" + cadreId("C000001")).with(hr))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("无权访问：该干部不属于本单位"));
        mvc.perform(get("/api/cadres").param("unitId", String.valueOf(unitId("CD01"))).with(hr))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message", startsWith("无权访问")));
    }

    @Test
    void rolesWithoutRegistryAccessGet403() throws Exception {
        for (RequestPostProcessor caller : List.of(as("hr-unbound-test", Groups.UNIT_HR),
                as("lecturer-test", Groups.LECTURER), as("institution-test", Groups.INSTITUTION))) {
            mvc.perform(get("/api/cadres").with(caller))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.message", startsWith("无权访问")));
        }
        for (String group : List.of(Groups.ORG_DEPT_HEAD, Groups.APPROVER, Groups.MANAGER, Groups.ADMIN)) {
            ok(get("/api/cadres/" + cadreId("C000001")), as(group + "-test", group));
        }
    }

    @Test
    void r3a_aTraineeReadsTheirOwnRecordOnly() throws Exception {
        jdbc.sql("INSERT INTO account_binding (user_id, cadre_id) VALUES ('trainee-test', ?)")
                .param(cadreId("C000001")).update();
        RequestPostProcessor trainee = as("trainee-test", Groups.TRAINEE);

        assertThat(ok(get("/api/cadres/" + cadreId("C000001")), trainee).get("cadreNumber").asText()).isEqualTo("C000001");
        mvc.perform(get("/api/cadres/" + cadreId("C000002")).with(trainee)).andExpect(status().isForbidden());
        mvc.perform(get("/api/cadres").with(trainee)).andExpect(status().isForbidden());
    }

    @Test
    void r3a_theDetailShowsBasicDataHistoryAndPastTrainings() throws Exception {
        long id = jdbc.sql("SELECT cadre_id FROM enrollment GROUP BY cadre_id ORDER BY COUNT(*) DESC, cadre_id LIMIT 1")
                .query(Long.class).single();

        JsonNode detail = ok(get("/api/cadres/" + id), ORG_DEPT);

        assertThat(detail.get("idNumber").asText()).hasSize(18);
        assertThat(detail.at("/unit/id").asLong()).isEqualTo(detail.get("unitId").asLong());
        assertThat(detail.at("/events/0/kind").asText()).isEqualTo("HIRE");
        JsonNode trainings = detail.get("trainings");
        assertThat(trainings).hasSize((int) count("SELECT COUNT(*) FROM enrollment WHERE cadre_id = " + id));
        JsonNode latest = trainings.get(0);
        assertThat(latest.get("classNumber").asText()).matches("H\\d{4}-\\d{4}");
        assertThat(latest.get("title").asText()).contains("班");
        assertThat(latest.get("institution").asText()).startsWith("市");
        assertThat(latest.get("hours").decimalValue()).isPositive();
        assertThat(latest.get("grade").asText()).isIn("EXCELLENT", "GOOD", "PASS", "FAIL");
        assertThat(LocalDate.parse(latest.get("startDate").asText()))
                .isAfterOrEqualTo(LocalDate.parse(trainings.get(trainings.size() - 1).get("startDate").asText()));
    }

    @Test
    void r1_aLifeEventUpdatesTheCadreAndShowsInTheHistory() throws Exception {
        long id = jdbc.sql("SELECT MIN(id) FROM cadre WHERE rank_level = 'STAFF' AND status = 'ACTIVE'")
                .query(Long.class).single();
        int eventsBefore = ok(get("/api/cadres/" + id), ORG_DEPT).get("events").size();

        JsonNode promoted = body(mvc.perform(post("/api/cadres/" + id + "/events").with(ORG_DEPT)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"kind": "晋升", "effectiveOn": "%s", "toRank": "乡科级副职", "post": "综合科副科长", "note": "市委决定"}"""
                        .formatted(LocalDate.now())))
                .andExpect(status().isCreated()));

        assertThat(promoted.get("rank").asText()).isEqualTo("TOWNSHIP_DEPUTY");
        JsonNode history = ok(get("/api/cadres/" + id), ORG_DEPT).get("events");
        assertThat(history).hasSize(eventsBefore + 1);
        JsonNode last = history.get(eventsBefore);
        assertThat(List.of(last.get("kind").asText(), last.get("fromRank").asText(), last.get("toRank").asText(),
                last.get("post").asText(), last.get("note").asText(), last.get("recordedBy").asText()))
                .containsExactly("PROMOTION", "STAFF", "TOWNSHIP_DEPUTY", "综合科副科长", "市委决定", "org-test");
    }

    @Test
    void badRequestsAre400WithChineseMessagesNamingTheField() throws Exception {
        mvc.perform(get("/api/cadres").param("size", "500").with(ORG_DEPT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.message").value("每页条数 size 须在 1 到 200 之间"));
        mvc.perform(get("/api/cadres").param("page", "abc").with(ORG_DEPT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.message").value("页码 page 须为整数：abc"));
        mvc.perform(get("/api/cadres").param("sort", "idNumber").with(ORG_DEPT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/api/cadres").param("unitId", "-1").with(ORG_DEPT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("单位 unitId 不存在：-1"));
        long id = cadreId("C000002");
        mvc.perform(post("/api/cadres/" + id + "/events").with(ORG_DEPT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("事件类型 kind 不能为空")))
                .andExpect(jsonPath("$.message", containsString("生效日期 effectiveOn 不能为空")));
        mvc.perform(post("/api/cadres/" + id + "/events").with(ORG_DEPT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"TRANSFER\", \"effectiveOn\": \"2025-02-30\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("日期格式")));
        mvc.perform(post("/api/cadres/" + id + "/events").with(ORG_DEPT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"PROMOTION\", \"effectiveOn\": \"%s\", \"toRank\": \"STAFF\"}".formatted(LocalDate.now())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("toRank"))
                .andExpect(jsonPath("$.message", containsString("须高于现职级")));
        mvc.perform(get("/api/cadres/999999999").with(ORG_DEPT))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("干部不存在：999999999"));
    }

    @Test
    void onlyTheOrgDepartmentRecordsLifeEvents() throws Exception {
        long id = cadreId("C000002");
        for (RequestPostProcessor caller : List.of(as("approver-test", Groups.APPROVER), unitHr("hr-cd01-test", "CD01"))) {
            mvc.perform(post("/api/cadres/" + id + "/events").with(caller).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\": \"RETIREMENT\", \"effectiveOn\": \"%s\"}".formatted(LocalDate.now())))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.message", startsWith("无权访问")));
        }
        assertThat(jdbc.sql("SELECT status FROM cadre WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void strangersMustSignIn() throws Exception {
        mvc.perform(get("/api/cadres")).andExpect(status().isUnauthorized());
    }

    /** A unit HR account bound to the unit, as account_binding does it for real users. */
    private RequestPostProcessor unitHr(String userId, String unitCode) {
        jdbc.sql("INSERT INTO account_binding (user_id, unit_id) VALUES (?, ?)").params(userId, unitId(unitCode)).update();
        return as(userId, Groups.UNIT_HR, Groups.unitHr(unitCode));
    }

    private JsonNode ok(MockHttpServletRequestBuilder request, RequestPostProcessor caller) throws Exception {
        return body(mvc.perform(request.with(caller)).andExpect(status().isOk()));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(item -> numbers.add(item.get("cadreNumber").asText()));
        return numbers;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long unitId(String code) {
        return jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
    }

    private long cadreId(String number) {
        return jdbc.sql("SELECT id FROM cadre WHERE cadre_number = ?").param(number).query(Long.class).single();
    }
}
