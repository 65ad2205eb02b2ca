package cn.ganxun.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/**
 * The coverage API over real HTTP with the demo logins (R5–R7): who sees which units (roles first, then existence),
 * the server-sorted pages, the summaries with their rates, the CSV exports for Excel, and starting a run.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class CoverageApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;

    private ResponseEntity<Map<String, Object>> get(String path, String user) {
        return http.withBasicAuth(user, user).exchange("/api/coverage" + path, HttpMethod.GET, null, OBJECT);
    }

    private static String message(ResponseEntity<Map<String, Object>> response) {
        return (String) response.getBody().get("message");
    }

    private long unitId(String code) {
        return jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
    }

    private long cadreId(String number) {
        return jdbc.sql("SELECT id FROM cadre WHERE cadre_number = ?").param(number).query(Long.class).single();
    }

    @Test
    void r5_r6_aCadresLightIsShownToTheOrgDepartmentTheirUnitsHrAndThemselvesOnly() {
        long own = cadreId("C000001");
        for (String user : List.of("orgstaff", "manager", "approver", "unithr", "trainee")) {
            ResponseEntity<Map<String, Object>> light = get("/cadres/" + own + "?asOf=2026-06-30", user);
            assertThat(light.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(light.getBody()).as(user).containsEntry("cadreNumber", "C000001").containsEntry("asOf", "2026-06-30")
                    .containsEntry("windowStart", "2021-06-30").containsKeys("light", "lightLabel", "reason", "totalHours");
        }
        ResponseEntity<Map<String, Object>> otherUnit = get("/cadres/" + own, "unithr2");
        assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(otherUnit)).isEqualTo("无权访问：该干部不属于本单位");
        ResponseEntity<Map<String, Object>> institution = get("/cadres/999999999", "inst");
        assertThat(institution.getStatusCode()).as("roles before existence").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> unknown = get("/cadres/999999999", "orgstaff");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(message(unknown)).isEqualTo("干部不存在：999999999");
        assertThat(get("/cadres/" + cadreId("C000002"), "trainee").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> badDate = get("/cadres/" + own + "?asOf=30.06.2026", "orgstaff");
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(badDate)).isEqualTo("统计日期 asOf 格式应为 yyyy-MM-dd：30.06.2026");
    }

    @Test
    @SuppressWarnings("unchecked")
    void r5_r7_listsArePagedAndSortedOnTheServerAndUnitHrSeeOnlyTheirTree() {
        ResponseEntity<Map<String, Object>> red = get("/cadres?light=RED&sort=totalHours,asc&size=5", "orgstaff");
        assertThat(red.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> items = (List<Map<String, Object>>) red.getBody().get("items");
        assertThat(items).hasSize(5).allSatisfy(row -> {
            assertThat(row).containsEntry("light", "RED").containsEntry("lightLabel", "红灯");
            assertThat((String) row.get("reason")).contains("（R5）");
        });
        long redTotal = ((Number) red.getBody().get("total")).longValue();
        assertThat(redTotal).isPositive();

        long ds01 = unitId("DS01");
        ResponseEntity<Map<String, Object>> district = get("/cadres?size=200&sort=unit", "unithr2");
        assertThat(district.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Long> districtUnits = jdbc.sql("SELECT id FROM unit WHERE id = ? OR parent_id = ?").params(ds01, ds01)
                .query(Long.class).list();
        assertThat((List<Map<String, Object>>) district.getBody().get("items")).isNotEmpty().allSatisfy(row ->
                assertThat(districtUnits).contains(((Number) ((Map<String, Object>) row.get("unit")).get("id")).longValue()));
        ResponseEntity<Map<String, Object>> ownOnly = get("/cadres?subUnits=false&unitId=" + ds01, "unithr2");
        assertThat(ownOnly.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> another = get("/cadres?unitId=" + unitId("CD01"), "unithr2");
        assertThat(another.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(another)).isEqualTo("无权访问：不能查看其他单位干部的应训情况");
        for (String outsider : List.of("inst", "teacher", "followup")) {
            assertThat(get("/cadres", outsider).getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<Map<String, Object>> bad = get("/cadres?sort=age&size=0&light=BLUE", "orgstaff");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(bad)).contains("灯 light 取值无效：BLUE（可选：红灯、黄灯、绿灯）", "每页条数 size 须在 1 到 200 之间",
                "排序 sort 无效");

        ResponseEntity<Map<String, Object>> summary = get("/summary?groupBy=rank", "manager");
        assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> total = (Map<String, Object>) summary.getBody().get("total");
        assertThat(((Number) total.get("red")).longValue()).isEqualTo(redTotal);
        assertThat((List<Map<String, Object>>) summary.getBody().get("groups")).extracting(g -> g.get("key"))
                .startsWith("BUREAU").doesNotHaveDuplicates();
        assertThat(total).containsKeys("participationRate", "passRate");
        assertThat(get("/summary?groupBy=age", "manager").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/summary", "unithr2").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/summary", "inst").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void r7_exportsOpenInExcelWithChineseIntact() {
        ResponseEntity<byte[]> list = http.withBasicAuth("unithr", "unithr")
                .exchange("/api/coverage/cadres.csv?asOf=2026-06-30", HttpMethod.GET, null, byte[].class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(list.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename*=UTF-8''%E5%BA%94%E8%AE%AD%E5%90%8D%E5%8D%95-2026-06-30.csv");
        assertThat(Arrays.copyOf(list.getBody(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(list.getBody(), StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", CoverageReport.LIST_HEADER));
        long cd01Cadres = jdbc.sql("""
                SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE'
                   AND unit_id IN (SELECT id FROM unit WHERE code = 'CD01' OR parent_id = (SELECT id FROM unit WHERE code = 'CD01'))""")
                .query(Long.class).single();
        assertThat(lines).hasSize((int) cd01Cadres + 1);

        ResponseEntity<byte[]> summary = http.withBasicAuth("orgstaff", "orgstaff")
                .exchange("/api/coverage/summary.csv?groupBy=category", HttpMethod.GET, null, byte[].class);
        assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
        String[] rows = new String(summary.getBody(), StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(rows[0]).isEqualTo(String.join(",", CoverageReport.SUMMARY_HEADER));
        assertThat(rows[rows.length - 1]).startsWith("合计,,合计,");

        ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("unithr2", "unithr2").exchange(
                "/api/coverage/cadres.csv?unitId=" + unitId("CD01"), HttpMethod.GET, null, OBJECT);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    }

    @Test
    void r4_onlyTheOrgDepartmentStartsARunOutsideTheCycle() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = Map.of("asOf", "2026-06-30", "unitId", unitId("DS01"));
        for (String outsider : List.of("unithr", "manager", "inst")) {
            ResponseEntity<Map<String, Object>> refused = http.withBasicAuth(outsider, outsider)
                    .exchange("/api/coverage/runs", HttpMethod.POST, new HttpEntity<>(body, headers), OBJECT);
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<Map<String, Object>> unknownUnit = http.withBasicAuth("orgstaff", "orgstaff").exchange(
                "/api/coverage/runs", HttpMethod.POST, new HttpEntity<>(Map.of("unitId", 999999999), headers), OBJECT);
        assertThat(unknownUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(unknownUnit)).isEqualTo("单位不存在：id 999999999");

        ResponseEntity<Map<String, Object>> started = http.withBasicAuth("orgstaff", "orgstaff")
                .exchange("/api/coverage/runs", HttpMethod.POST, new HttpEntity<>(body, headers), OBJECT);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = (String) started.getBody().get("processInstanceId");
        assertThat(runtimeService.getVariables(id)).containsEntry(CoverageWatchProcess.Vars.AS_OF, "2026-06-30")
                .containsEntry(CoverageWatchProcess.Vars.SCOPE_UNIT_ID, unitId("DS01"))
                .containsEntry(CoverageWatchProcess.Vars.INITIATOR, "orgstaff");
        runtimeService.deleteProcessInstance(id, "test over");
    }
}
