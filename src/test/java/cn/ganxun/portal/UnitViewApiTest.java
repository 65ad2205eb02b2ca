package cn.ganxun.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.feedback.FeedbackOccasion;
import cn.ganxun.feedback.UnitFeedbackService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The unit HR view over real HTTP with the demo logins: CD01's cadres (the coverage list), its open quota seats and
 * named mandates, and the feedback reports addressed to it, each compared with the database; unithr (CD01) refused
 * DS01 (403), the org department, approvers, managers and admins allowed any unit, other roles 403, anonymous 401,
 * an unknown unit 404.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class UnitViewApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final List<String> LISTS = List.of("cadres", "nominations", "feedback");

    @Autowired TestRestTemplate http;
    @Autowired PortalFixtures portal;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completions;
    @Autowired UnitFeedbackService feedbackService;
    @Autowired UnitRepository units;
    @Autowired JdbcClient jdbc;

    long cd01;
    long ds01;
    Set<Long> tree;

    @BeforeEach
    void setUp() {
        cd01 = portal.unitId("CD01");
        ds01 = portal.unitId("DS01");
        tree = units.withSubUnits(cd01);
    }

    private ResponseEntity<Map<String, Object>> get(String path, String user) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
        return client.exchange("/api/portal/units/" + path, HttpMethod.GET, null, OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    @Test
    void cadresOfTheUnitAreTheCoverageListOfItsTree() {
        ResponseEntity<Map<String, Object>> page = get(cd01 + "/cadres?size=200&sort=-totalHours", "unithr");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        long active = jdbc.sql("SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE' AND unit_id IN (:units)")
                .param("units", tree).query(Long.class).single();
        assertThat(((Number) page.getBody().get("total")).longValue()).isEqualTo(active);
        List<Map<String, Object>> items = list(page.getBody(), "items");
        assertThat(items).isNotEmpty().allSatisfy(row -> {
            assertThat(row).containsKeys("cadreId", "light", "lightLabel", "totalHours", "requiredHours");
            @SuppressWarnings("unchecked")
            Map<String, Object> unit = (Map<String, Object>) row.get("unit");
            assertThat(tree).contains(((Number) unit.get("id")).longValue());
        });
        List<Double> hours = items.stream().map(r -> ((Number) r.get("totalHours")).doubleValue()).toList();
        assertThat(hours).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        ResponseEntity<Map<String, Object>> red = get(cd01 + "/cadres?light=RED&size=1", "unithr");
        assertThat(list(red.getBody(), "items")).allSatisfy(r -> assertThat(r).containsEntry("light", "RED"));

        ResponseEntity<Map<String, Object>> badSort = get(cd01 + "/cadres?sort=salary", "unithr");
        assertThat(badSort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSort.getBody().toString()).contains("排序");
    }

    @Test
    void nominationsAreTheUnitsOpenSeatsAndNamedMandates() {
        portal.nominationTask(cd01, EngineClock.now().plusDays(6));
        long cadre = fixtures.cadre(cd01, Rank.STAFF);
        long namedClass = portal.namedMandates(List.of(cadre));

        ResponseEntity<Map<String, Object>> response = get(cd01 + "/nominations", "unithr");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> allocations = list(response.getBody(), "allocations");
        List<Map<String, Object>> mandates = list(response.getBody(), "mandates");
        assertThat((long) allocations.size()).isEqualTo(jdbc.sql(
                "SELECT COUNT(*) FROM quota_allocation WHERE status = 'OPEN' AND unit_id IN (:units)").param("units", tree)
                .query(Long.class).single());
        assertThat((long) mandates.size()).isEqualTo(jdbc.sql("""
                SELECT COUNT(*) FROM named_mandate m JOIN cadre c ON c.id = m.cadre_id
                 WHERE c.unit_id IN (:units) AND m.status IN ('NOTIFIED', 'SUBSTITUTION_REQUESTED')""")
                .param("units", tree).query(Long.class).single());
        assertThat(allocations).allSatisfy(a -> assertThat(a).containsKeys("seats", "seatsOpen", "deadline", "classNumber"));
        Map<String, Object> named = mandates.stream().filter(m -> ((Number) m.get("classId")).longValue() == namedClass)
                .findFirst().orElseThrow();
        assertThat(named).containsEntry("cadreId", (int) cadre).containsEntry("status", "NOTIFIED")
                .containsEntry("statusLabel", "待单位确认").containsEntry("overdue", false);
        assertThat(named.get("deadline")).isNotNull();

        assertThat(list(get(ds01 + "/nominations", "unithr2").getBody(), "mandates"))
                .noneSatisfy(m -> assertThat(((Number) m.get("classId")).longValue()).isEqualTo(namedClass));
    }

    @Test
    void feedbackListsTheReportsAddressedToTheUnitWithTheirPdf() {
        long classId = fixtures.trainingClass("门户反馈", EngineClock.today().minusDays(10), EngineClock.today().minusDays(5),
                true);
        long cadre = fixtures.cadre(cd01, Rank.STAFF);
        fixtures.enroll(classId, cadre, "COMPLETED", 32.0);
        completions.result(classId, cadre, "GOOD", true);
        feedbackService.prepareReports(classId, FeedbackOccasion.RESULTS, null);

        ResponseEntity<Map<String, Object>> response = get(cd01 + "/feedback", "unithr");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> items = list(response.getBody(), "items");
        assertThat((long) items.size()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM feedback_report WHERE unit_id IN (:units)")
                .param("units", tree).query(Long.class).single());
        Map<String, Object> ours = items.stream().filter(i -> ((Number) i.get("classId")).longValue() == classId)
                .findFirst().orElseThrow();
        assertThat(ours).containsEntry("occasionLabel", "结业反馈");
        String pdf = (String) ours.get("pdf");
        assertThat(pdf).isEqualTo("/api/feedback/reports/" + ours.get("reportId") + "/pdf");
        ResponseEntity<byte[]> file = http.withBasicAuth("unithr", "unithr").getForEntity(pdf, byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

        assertThat(list(get(ds01 + "/feedback", "orgstaff").getBody(), "items"))
                .noneSatisfy(i -> assertThat(((Number) i.get("classId")).longValue()).isEqualTo(classId));
    }

    @Test
    void everyUnitListIsAuthorised() {
        for (String view : LISTS) {
            assertThat(get(cd01 + "/" + view, "unithr").getStatusCode()).as("unithr " + view).isEqualTo(HttpStatus.OK);
            ResponseEntity<Map<String, Object>> other = get(ds01 + "/" + view, "unithr");
            assertThat(other.getStatusCode()).as("unithr on DS01 " + view).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((String) other.getBody().get("message")).startsWith("无权访问");
            assertThat(get(cd01 + "/" + view, "unithr2").getStatusCode()).as("unithr2 on CD01 " + view)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            for (String login : List.of("demo", "orgstaff", "orghead", "manager")) {
                assertThat(get(ds01 + "/" + view, login).getStatusCode()).as(login + " " + view).isEqualTo(HttpStatus.OK);
            }
            assertThat(get(ds01 + "/" + view, "approver").getStatusCode()).as("approver " + view)
                    .isEqualTo(view.equals("feedback") ? HttpStatus.FORBIDDEN : HttpStatus.OK);
            for (String login : List.of("inst", "inst2", "teacher", "lecturer", "liaison", "trainee", "followup",
                    "followlead")) {
                assertThat(get(cd01 + "/" + view, login).getStatusCode()).as(login + " " + view)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
            assertThat(get(cd01 + "/" + view, null).getStatusCode()).as("anonymous " + view)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            ResponseEntity<Map<String, Object>> unknown = get("999999/" + view, "orgstaff");
            assertThat(unknown.getStatusCode()).as("unknown unit " + view).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat((String) unknown.getBody().get("message")).contains("单位不存在");
        }
    }
}
