package cn.ganxun.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import cn.ganxun.dashboard.HeadlineFigures;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/**
 * The portal home over real HTTP with the demo logins: the task list routed by candidate group (unithr sees
 * unit-hr-cd01's nomination tasks, never unit-hr-ds01's), in order, with bad paging refused; each role's figures
 * compared with the database; every login may read its own home, anonymous callers get 401.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class HomeApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    /** The demo logins but "leader", whom PortalLoginTest locks for a few seconds with a wrong password. */
    static final List<String> LOGINS = List.of("demo", "orgstaff", "orghead", "approver", "inst", "inst2", "teacher",
            "lecturer", "liaison", "unithr", "unithr2", "trainee", "followup", "followlead", "manager");

    @Autowired TestRestTemplate http;
    @Autowired PortalFixtures portal;
    @Autowired JdbcClient jdbc;
    @Autowired HeadlineFigures headlines;
    @Autowired TaskService taskService;
    @Autowired UnitRepository units;

    private ResponseEntity<Map<String, Object>> get(String path, String user) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
        return client.exchange("/api/portal/home" + path, HttpMethod.GET, null, OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("items");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> figure(String user, String key) {
        ResponseEntity<Map<String, Object>> response = get("/figures", user);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) response.getBody().get("figures")).stream()
                .filter(f -> key.equals(f.get("key"))).findFirst().orElseThrow(() -> new AssertionError(user + ": " + key));
    }

    private Map<String, Object> dashboard(String user, String path) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, OBJECT);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private long value(String user, String key) {
        return ((Number) figure(user, key).get("value")).longValue();
    }

    @Test
    void unitHrSeesTheirUnitsNominationTaskButNotAnotherUnits_overdueFirstThenByDueDate() {
        Task cd01 = portal.nominationTask(portal.unitId("CD01"), EngineClock.now().plusDays(3));
        Task ds01 = portal.nominationTask(portal.unitId("DS01"), EngineClock.now().plusDays(3));

        ResponseEntity<Map<String, Object>> mine = get("/tasks?size=200", "unithr");
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(items(mine)).extracting(t -> t.get("id")).contains(cd01.getId()).doesNotContain(ds01.getId());
        Map<String, Object> line = items(mine).stream().filter(t -> cd01.getId().equals(t.get("id"))).findFirst().orElseThrow();
        assertThat(line).containsEntry("name", "推荐参训人员").containsEntry("processDefinitionKey", "quota-mandate")
                .containsEntry("overdue", false);
        assertThat((String) line.get("businessKey")).endsWith("-CD01");
        assertThat(line.get("due")).isNotNull();
        assertThat(line.get("processName")).isNotNull();
        assertThat(((Number) mine.getBody().get("total")).longValue()).isEqualTo(items(mine).size());
        assertOrdered(items(mine));

        assertThat(items(get("/tasks?size=200", "unithr2"))).extracting(t -> t.get("id")).contains(ds01.getId())
                .doesNotContain(cd01.getId());
        ResponseEntity<Map<String, Object>> firstOnly = get("/tasks?page=0&size=1", "unithr");
        assertThat(items(firstOnly)).hasSize(1);
        assertThat(firstOnly.getBody()).containsEntry("page", 0).containsEntry("size", 1);
    }

    @Test
    void everyonesTaskFiguresAreTheTaskListsTotalAndOverdueCount() {
        Task overdue = portal.nominationTask(portal.unitId("CD01"), EngineClock.now().plusDays(3));
        overdue.setDueDate(EngineClock.toDate(EngineClock.now().minusYears(20))); // before any other task's due date
        taskService.saveTask(overdue);

        for (String user : List.of("unithr", "unithr2", "approver", "manager", "inst", "followlead")) {
            ResponseEntity<Map<String, Object>> list = get("/tasks?size=200", user);
            long total = ((Number) list.getBody().get("total")).longValue();
            long overdueCount = ((Number) list.getBody().get("overdue")).longValue();
            assertThat(value(user, "tasks.open")).as(user).isEqualTo(total);
            assertThat(value(user, "tasks.overdue")).as(user).isEqualTo(overdueCount);
            assertThat(items(list).stream().filter(t -> Boolean.TRUE.equals(t.get("overdue"))).count()).as(user)
                    .isEqualTo(Math.min(overdueCount, items(list).size()));
        }
        ResponseEntity<Map<String, Object>> unitHr = get("/tasks?size=1", "unithr");
        assertThat(items(unitHr)).extracting(t -> t.get("id")).as("overdue first").containsExactly(overdue.getId());
        assertThat(((Number) unitHr.getBody().get("overdue")).longValue()).isPositive();
    }

    /** Overdue first, then by due date with tasks without one last (the due dates alone give that order). */
    private static void assertOrdered(List<Map<String, Object>> tasks) {
        boolean seenWithoutDue = false;
        String lastDue = null;
        for (Map<String, Object> task : tasks) {
            String due = (String) task.get("due");
            if (due == null) {
                seenWithoutDue = true;
                continue;
            }
            assertThat(seenWithoutDue).as("a task with a due date after one without").isFalse();
            if (lastDue != null) {
                assertThat(java.time.OffsetDateTime.parse(due).isBefore(java.time.OffsetDateTime.parse(lastDue)))
                        .as("due dates ascending").isFalse();
            }
            lastDue = due;
        }
    }

    @Test
    void theOldArchivePageRedirectsToThePortalCadrePage() throws Exception {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI
                .create(http.getRootUri() + "/archive.html?id=7").toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        assertThat(connection.getResponseCode()).isEqualTo(HttpStatus.MOVED_PERMANENTLY.value());
        assertThat(connection.getHeaderField("Location")).isEqualTo("/portal/cadre.html?id=7");
        connection.disconnect();
    }

    @Test
    void badPagingIsRefusedInChinese() {
        ResponseEntity<Map<String, Object>> bad = get("/tasks?page=-1&size=500", "unithr");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("页码");
        assertThat(get("/tasks?size=abc", "unithr").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void everyLoginReadsItsOwnHome_anonymousGets401() {
        for (String login : LOGINS) {
            assertThat(get("/tasks", login).getStatusCode()).as(login + " tasks").isEqualTo(HttpStatus.OK);
            assertThat(get("/figures", login).getStatusCode()).as(login + " figures").isEqualTo(HttpStatus.OK);
        }
        assertThat(get("/tasks", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/figures", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unitHrFiguresMatchTheDatabase() {
        long cd01 = portal.unitId("CD01");
        Set<Long> tree = units.withSubUnits(cd01);
        long before = value("unithr", "nominations.open");
        portal.nominationTask(cd01, EngineClock.now().plusDays(5));
        // the dashboard's figure of unanswered mandates for the unit tree (tested against the tables there)
        long open = headlines.unansweredMandates(Optional.of(tree)).open();
        assertThat(value("unithr", "nominations.open")).isEqualTo(open).isEqualTo(before + 1);

        long active = jdbc.sql("SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE' AND unit_id IN (:units)")
                .param("units", tree).query(Long.class).single();
        long red = value("unithr", "coverage.red");
        assertThat(red + value("unithr", "coverage.yellow") + value("unithr", "coverage.green")).isEqualTo(active);
        ResponseEntity<Map<String, Object>> redList = http.withBasicAuth("unithr", "unithr")
                .exchange("/api/coverage/cadres?light=RED&size=1&unitId=" + cd01, HttpMethod.GET, null, OBJECT);
        assertThat(((Number) redList.getBody().get("total")).longValue()).isEqualTo(red);
        assertThat(figure("unithr", "coverage.red").get("link")).isEqualTo("/portal/unit.html?unitId=" + cd01 + "&light=RED");

        long feedback = jdbc.sql("SELECT COUNT(*) FROM feedback_report WHERE unit_id IN (:units) AND created_at >= :since")
                .param("units", tree).param("since", EngineClock.now().minusDays(HomeFigures.NEW_FEEDBACK_DAYS))
                .query(Long.class).single();
        assertThat(value("unithr", "feedback.new")).isEqualTo(feedback);
    }

    @Test
    void orgDepartmentApproverInstitutionAndFollowUpFiguresMatchTheDatabase() {
        // the home shows the dashboard's own approvals and mandates figures, so both pages agree
        Map<String, Object> approvals = dashboard("orgstaff", "/api/portal/dashboard/approvals");
        for (String user : List.of("orgstaff", "approver", "manager")) {
            assertThat(value(user, "approvals.pending")).as(user).isEqualTo(((Number) approvals.get("pending")).longValue());
            assertThat(value(user, "approvals.overdue")).as(user).isEqualTo(((Number) approvals.get("overdue")).longValue());
        }
        assertThat(figure("approver", "approvals.overdue").get("link")).isEqualTo("/portal/list.html?view=approvals&overdue=true");
        assertThat(value("orghead", "mandates.pastDeadline")).isEqualTo(
                ((Number) dashboard("orghead", "/api/portal/dashboard/mandates").get("pastDeadline")).longValue());

        // an institution's classes by stage, as the class list counts them
        long institutionId = jdbc.sql("SELECT id FROM institution WHERE code = 'DX01'").query(Long.class).single();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages = (List<Map<String, Object>>) dashboard("inst",
                "/api/portal/classes/stages?institutionId=" + institutionId).get("stages");
        assertThat(stages).isNotEmpty();
        stages.stream().filter(stage -> ((Number) stage.get("count")).longValue() > 0).forEach(stage -> {
            assertThat(value("inst", "classes." + stage.get("stage"))).as(stage.get("stage").toString())
                    .isEqualTo(((Number) stage.get("count")).longValue());
            assertThat(figure("inst", "classes." + stage.get("stage")).get("link"))
                    .isEqualTo("/portal/classes.html?institutionId=" + institutionId + "&stage=" + stage.get("stage"));
        });

        long due = jdbc.sql("SELECT COUNT(*) FROM unit_visit WHERE status = 'DUE'").query(Long.class).single();
        assertThat(value("followup", "visits.due")).isEqualTo(due);
        long overdue = jdbc.sql("SELECT COUNT(*) FROM unit_visit WHERE status = 'DUE' AND due_on < ?")
                .param(EngineClock.today()).query(Long.class).single();
        assertThat(value("followlead", "visits.overdue")).isEqualTo(overdue);
    }

    @Test
    void traineeAndManagerFiguresMatchTheDatabase() {
        long cadreId = jdbc.sql("SELECT id FROM cadre WHERE cadre_number = 'C000001'").query(Long.class).single();
        int year = EngineClock.today().getYear();
        ResponseEntity<Map<String, Object>> standing = http.withBasicAuth("trainee", "trainee").exchange(
                "/api/cadres/" + cadreId + "/credits/standing?year=" + EngineClock.today().getYear(), HttpMethod.GET,
                null, OBJECT);
        assertThat(((Number) figure("trainee", "credits.available").get("value")).doubleValue())
                .isEqualTo(((Number) standing.getBody().get("available")).doubleValue());
        double hours = jdbc.sql("""
                SELECT COALESCE(SUM(e.hours), 0) FROM enrollment e JOIN training_class k ON k.id = e.class_id
                 WHERE e.cadre_id = ? AND e.status IN ('COMPLETED', 'INCOMPLETE') AND k.end_date BETWEEN ? AND ?""")
                .params(cadreId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(Double.class).single();
        assertThat(((Number) figure("trainee", "hours.thisYear").get("value")).doubleValue()).isEqualTo(hours);
        assertThat(figure("trainee", "coverage.light").get("link")).isEqualTo("/portal/cadre.html?id=" + cadreId + "#coverage");

        long active = jdbc.sql("SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE'").query(Long.class).single();
        assertThat(value("manager", "coverage.red") + value("manager", "coverage.yellow") + value("manager", "coverage.green"))
                .isEqualTo(active);
        assertThat(figure("manager", "dashboard").get("link")).isEqualTo("/portal/dashboard.html");
    }
}
