package cn.ganxun.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/**
 * Every dashboard endpoint over real HTTP with the demo logins: the roles allowed get 200, the others 403, a unit's HR
 * or leader asking for another unit 403, anonymous callers 401; bad filters 400 in Chinese; a unit HR's figures are
 * those of their unit tree, counted again here in SQL.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class DashboardApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    /** Endpoints with unit figures: the all-units roles and the unit roles (their tree). */
    private static final List<String> UNIT_FIGURES = List.of("/coverage", "/coverage?groupBy=rank", "/mandates",
            "/mandates/list", "/follow-up", "/follow-up/list");
    /** Class filings: the all-units roles only. */
    private static final List<String> APPROVALS = List.of("/approvals", "/approvals/list");
    /** Operations: the Cockpit groups only. */
    private static final List<String> OPERATIONS = List.of("/deliveries", "/deliveries/list", "/incidents",
            "/incidents/list");

    private static final List<String> ALL_UNITS = List.of("orgstaff", "orghead", "approver", "manager", "demo");
    private static final List<String> UNIT_ROLES = List.of("unithr", "leader");
    private static final List<String> OUTSIDERS = List.of("inst", "teacher", "trainee", "followup");

    @Autowired TestRestTemplate http;
    @Autowired UnitRepository units;
    @Autowired JdbcClient jdbc;

    long cd01;
    long ds01;

    @BeforeEach
    void setUp() {
        cd01 = units.findByCode("CD01").orElseThrow().id();
        ds01 = units.findByCode("DS01").orElseThrow().id();
    }

    private ResponseEntity<Map<String, Object>> get(String user, String path) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
        return client.exchange("/api/portal/dashboard" + path, HttpMethod.GET, null, OBJECT);
    }

    private static String message(ResponseEntity<Map<String, Object>> response) {
        return (String) response.getBody().get("message");
    }

    @Test
    void unitFiguresAreForTheAllUnitsRolesAndTheUnitRolesWithinTheirTree() {
        for (String path : UNIT_FIGURES) {
            for (String user : ALL_UNITS) {
                assertThat(get(user, path).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
                assertThat(get(user, with(path, "unitId=" + ds01)).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
            for (String user : UNIT_ROLES) {
                assertThat(get(user, path).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
                assertThat(get(user, with(path, "unitId=" + cd01)).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
                ResponseEntity<Map<String, Object>> other = get(user, with(path, "unitId=" + ds01));
                assertThat(other.getStatusCode()).as(user + " asks for DS01 " + path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(message(other)).startsWith("无权访问");
            }
            refusedToOutsiders(path, OUTSIDERS);
            assertThat(get(null, path).getStatusCode()).as("anonymous " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void approvalsAreForTheAllUnitsRolesOnly() {
        for (String path : APPROVALS) {
            ALL_UNITS.forEach(user -> assertThat(get(user, path).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK));
            refusedToOutsiders(path, List.of("unithr", "leader", "inst", "trainee"));
            assertThat(get(null, path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void deliveriesAndIncidentsAreForTheCockpitGroupsOnly() {
        for (String path : OPERATIONS) {
            for (String user : List.of("orgstaff", "orghead", "manager", "demo")) {
                assertThat(get(user, path).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
            refusedToOutsiders(path, List.of("approver", "unithr", "leader", "inst", "trainee"));
            assertThat(get(null, path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void rolesAreCheckedBeforeTheFiltersAndBadFiltersAre400InChinese() {
        ResponseEntity<Map<String, Object>> outsider = get("trainee", "/mandates?year=abc");
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> year = get("manager", "/follow-up?year=abc");
        assertThat(year.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(year)).contains("年度 year 须为正整数");
        ResponseEntity<Map<String, Object>> sort = get("manager", "/approvals/list?sort=title");
        assertThat(sort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(sort)).contains("可按 filedAt");
        ResponseEntity<Map<String, Object>> unknownUnit = get("manager", "/mandates?unitId=999999");
        assertThat(unknownUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(unknownUnit)).contains("单位 unitId 不存在");
        ResponseEntity<Map<String, Object>> groupBy = get("manager", "/coverage?groupBy=town");
        assertThat(groupBy.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("manager", "/mandates/list?kind=BOGUS").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @SuppressWarnings("unchecked")
    void r7_aUnitHrSeesTheCoverageOfTheirUnitTreeOnly() {
        long cd01Active = jdbc.sql("""
                WITH RECURSIVE tree (id) AS (SELECT id FROM unit WHERE code = 'CD01'
                                             UNION ALL SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
                SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE' AND unit_id IN (SELECT id FROM tree)""")
                .query(Long.class).single();
        for (String user : UNIT_ROLES) {
            Map<String, Object> summary = get(user, "/coverage").getBody();
            Map<String, Object> total = (Map<String, Object>) summary.get("total");
            assertThat(((Number) total.get("activeCadres")).longValue()).as(user).isEqualTo(cd01Active);
            List<Map<String, Object>> groups = (List<Map<String, Object>>) summary.get("groups");
            assertThat(groups).extracting(g -> g.get("key")).as(user).allSatisfy(code -> assertThat(
                    units.withSubUnits(cd01)).contains(units.findByCode((String) code).orElseThrow().id()));
        }
        Map<String, Object> all = (Map<String, Object>) get("manager", "/coverage").getBody().get("total");
        assertThat(((Number) all.get("activeCadres")).longValue()).isEqualTo(
                jdbc.sql("SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE'").query(Long.class).single());
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsArePagedWithTheirTotal() {
        Map<String, Object> page = get("manager", "/follow-up/list?size=1&sort=-classEnd").getBody();
        assertThat(page).containsEntry("page", 0).containsEntry("size", 1);
        long followUps = jdbc.sql("SELECT COUNT(*) FROM follow_up").query(Long.class).single();
        assertThat(((Number) page.get("total")).longValue()).isEqualTo(followUps);
        assertThat((List<Object>) page.get("items")).hasSize((int) Math.min(1, followUps));
        assertThat(((Number) ((Map<String, Object>) get("manager", "/follow-up").getBody()).get("followUps")).longValue())
                .isEqualTo(followUps);
    }

    private void refusedToOutsiders(String path, List<String> users) {
        for (String user : users) {
            ResponseEntity<Map<String, Object>> refused = get(user, path);
            assertThat(refused.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(message(refused)).as(user + " " + path).startsWith("无权访问");
        }
    }

    private static String with(String path, String param) {
        return path + (path.contains("?") ? "&" : "?") + param;
    }
}
