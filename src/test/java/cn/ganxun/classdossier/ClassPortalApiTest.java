package cn.ganxun.classdossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.classes.TrainingClassLifecycle;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.dispatch.QuotaMandateProcess;
import cn.ganxun.dispatch.RosterPlan;
import cn.ganxun.dispatch.RosterService;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The portal's class endpoints over real HTTP: who may call each (200 / 403 / 401, 404 after the role check), a unit
 * user's view limited to their unit's trainees, the list's filters, paging and sorting with 400 for bad values, the
 * dossier sections against the database and the diagram's active activities against the engine.
 *
 * <p>Fixture: institution FXI01 (login cp-inst); fresh units A (with sub-unit A2) and B; class K1 (ended 10 days ago,
 * follow-up open) with trainees a1 (A), a2 (A2) and b1 (B), class teacher cp-teacher, a training-class instance
 * waiting at 安排调训; class K2 with trainee b2 (B) only.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassPortalApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    /** Roles that see every class and every trainee. */
    private static final List<String> ALL_SEEING = List.of("orgstaff", "orghead", "approver", "manager", "demo");
    private static final List<String> NO_CLASS_ROLE = List.of("trainee");
    private static final List<String> SECTIONS = List.of("", "/roster", "/attendance", "/assessment", "/follow-up", "/diagram");

    @Autowired TestRestTemplate http;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completions;
    @Autowired TestDirectory directory;
    @Autowired FollowUpService followUpService;
    @Autowired TrainingClassLifecycle lifecycle;
    @Autowired RosterService rosterService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    long unitA;
    long unitA2;
    long unitB;
    long k1;
    long k2;
    long a1;
    long a2;
    long b1;
    String k1Instance;

    @BeforeAll
    void setUp() {
        LocalDate end = EngineClock.today().minusDays(10);
        unitA = fixtures.unit("门户班次甲局");
        unitA2 = fixtures.unit("门户班次甲局下属所");
        jdbc.sql("UPDATE unit SET parent_id = ? WHERE id = ?").params(unitA, unitA2).update();
        unitB = fixtures.unit("门户班次乙局");
        k1 = fixtures.trainingClass("门户班次", end.minusDays(4), end, true);
        k2 = fixtures.trainingClass("门户班次二", end.minusDays(30), end.minusDays(28), true);
        fixtures.course(k1, "PARTY_THEORY", 20);
        fixtures.course(k1, "PARTY_SPIRIT", 10);
        fixtures.course(k1, "PROFESSIONAL", 10);
        a1 = fixtures.cadre(unitA, Rank.COUNTY_DEPUTY);
        a2 = fixtures.cadre(unitA2, Rank.STAFF);
        b1 = fixtures.cadre(unitB, Rank.STAFF);
        LocalDateTime now = EngineClock.now();
        jdbc.sql("""
                INSERT INTO class_roster (class_id, seats, seats_taken, enrollment_deadline, status, opened_by, opened_at, finalised_at)
                VALUES (?, 30, 3, ?, 'FINAL', 'orgstaff', ?, ?)""")
                .params(k1, Timestamp.valueOf(now.minusDays(20)), Timestamp.valueOf(now.minusDays(30)),
                        Timestamp.valueOf(now.minusDays(20))).update();
        jdbc.sql("""
                INSERT INTO quota_allocation (class_id, unit_id, seats, seats_used, deadline, status, created_at)
                VALUES (?, ?, 2, 2, ?, 'CONFIRMED', ?)""")
                .params(k1, unitA, Timestamp.valueOf(now.minusDays(20)), Timestamp.valueOf(now.minusDays(30))).update();
        long allocation = jdbc.sql("SELECT id FROM quota_allocation WHERE class_id = ?").param(k1).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO named_mandate (class_id, cadre_id, original_cadre_id, status, created_at, updated_at)
                VALUES (?, ?, ?, 'CONFIRMED', ?, ?)""")
                .params(k1, b1, b1, Timestamp.valueOf(now.minusDays(30)), Timestamp.valueOf(now.minusDays(25))).update();
        long mandate = jdbc.sql("SELECT id FROM named_mandate WHERE class_id = ?").param(k1).query(Long.class).single();
        for (long[] n : new long[][] {{a1, unitA, allocation, 0}, {a2, unitA2, allocation, 0}, {b1, unitB, 0, mandate}}) {
            jdbc.sql("""
                    INSERT INTO nomination (class_id, cadre_id, unit_id, allocation_id, mandate_id, status, nominated_by, nominated_at)
                    VALUES (?, ?, ?, ?, ?, 'ACTIVE', 'fixture', ?)""")
                    .params(k1, n[0], n[1], n[2] == 0 ? null : n[2], n[3] == 0 ? null : n[3],
                            Timestamp.valueOf(now.minusDays(22))).update();
            fixtures.enroll(k1, n[0], "COMPLETED", 32.0);
        }
        List<Long> sessions = completions.sessionsEveryDay(k1, end.minusDays(1), end, 4);
        for (long session : sessions) {
            completions.mark(session, a1, "PRESENT");
            completions.mark(session, a2, "PRESENT");
            completions.mark(session, b1, session == sessions.get(0) ? "ABSENT" : "LATE");
        }
        completions.result(k1, a1, "EXCELLENT", true);
        completions.result(k1, a2, "GOOD", true);
        completions.result(k1, b1, "PASS", true);
        jdbc.sql("""
                INSERT INTO certificate (class_id, cadre_id, certificate_number, verification_code, status, issued_at)
                VALUES (?, ?, ?, 'SECRET42', 'VALID', ?)""")
                .params(k1, a1, "FXCERT" + k1, Timestamp.valueOf(now.minusDays(8))).update();
        followUpService.open(k1, null);
        fixtures.enroll(k2, fixtures.cadre(unitB, Rank.STAFF), "COMPLETED", 16.0);

        long institution = jdbc.sql("SELECT institution_id FROM training_class WHERE id = ?").param(k1).query(Long.class).single();
        directory.bindToInstitution(directory.user("cp-inst", Groups.INSTITUTION, Groups.institution("FXI01")), institution);
        directory.bindToUnit(directory.user("cp-hr-a", Groups.UNIT_HR), unitA);
        directory.bindToUnit(directory.user("cp-lead-a", Groups.UNIT_LEADER), unitA);
        directory.bindToUnit(directory.user("cp-hr-b", Groups.UNIT_HR), unitB);
        directory.user("cp-teacher", Groups.CLASS_TEACHER);
        jdbc.sql("INSERT INTO class_staff (class_id, user_id, role) VALUES (?, 'cp-teacher', 'CLASS_TEACHER')").param(k1).update();
        k1Instance = lifecycle.open(k1);
    }

    private ResponseEntity<Map<String, Object>> get(String path, String user) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
        return client.exchange("/api/portal/classes" + path, HttpMethod.GET, null, OBJECT);
    }

    private static String message(ResponseEntity<Map<String, Object>> response) {
        return (String) response.getBody().get("message");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    private static List<Long> ids(Object items, String key) {
        return list(items).stream().map(i -> ((Number) i.get(key)).longValue()).toList();
    }

    // ---- authorization of every endpoint ------------------------------------------------------------------------

    @Test
    void stages_and_list_open_to_class_roles_refuse_the_others_and_anonymous() {
        for (String path : List.of("/stages", "")) {
            for (String user : List.of("orgstaff", "orghead", "approver", "manager", "demo", "cp-inst", "inst", "cp-teacher",
                    "lecturer", "cp-hr-a", "cp-lead-a", "unithr", "followup", "followlead")) {
                assertThat(get(path, user).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
            for (String user : NO_CLASS_ROLE) {
                ResponseEntity<Map<String, Object>> refused = get(path, user);
                assertThat(refused.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(message(refused)).startsWith("无权访问");
            }
            assertThat(get(path, null).getStatusCode()).as("anonymous " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
            ResponseEntity<Map<String, Object>> otherUnit = get(path + "?unitId=" + unitB, "cp-hr-a");
            assertThat(otherUnit.getStatusCode()).as("unit HR asking for another unit").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(message(otherUnit)).isEqualTo("无权访问：只能查看本单位的班次");
            assertThat(get(path + "?unitId=" + unitA2, "cp-hr-a").getStatusCode()).as("own sub-unit").isEqualTo(HttpStatus.OK);
            long gb01 = jdbc.sql("SELECT id FROM institution WHERE code = 'GB01'").query(Long.class).single();
            ResponseEntity<Map<String, Object>> otherInstitution = get(path + "?institutionId=" + gb01, "cp-inst");
            assertThat(otherInstitution.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(message(otherInstitution)).isEqualTo("无权访问：只能查看本机构的班次");
        }
    }

    @Test
    void every_class_section_is_open_to_its_readers_and_refused_to_everybody_else() {
        for (String section : SECTIONS) {
            String path = "/" + k1 + section;
            for (String user : List.of("orgstaff", "orghead", "approver", "manager", "demo", "cp-inst", "cp-teacher",
                    "cp-hr-a", "cp-lead-a", "cp-hr-b", "followup", "followlead")) {
                assertThat(get(path, user).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
            for (String user : List.of("inst", "inst2", "lecturer", "unithr", "unithr2", "trainee")) {
                ResponseEntity<Map<String, Object>> refused = get(path, user);
                assertThat(refused.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(message(refused)).startsWith("无权访问");
            }
            assertThat(get("/" + k2 + section, "cp-hr-a").getStatusCode()).as("class without unit A trainees " + section)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(get("/" + k2 + section, "followup").getStatusCode()).as("class without follow-up " + section)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(get(path, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            ResponseEntity<Map<String, Object>> missing = get("/999999999" + section, "orgstaff");
            assertThat(missing.getStatusCode()).as("missing " + section).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(message(missing)).isEqualTo("培训班不存在：999999999");
            assertThat(get("/999999999" + section, "trainee").getStatusCode()).as("roles before existence")
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    // ---- list: filters, paging, sorting -------------------------------------------------------------------------

    @Test
    void the_list_filters_by_unit_institution_year_stage_and_text_within_the_callers_scope() {
        assertThat(ids(get("?unitId=" + unitA, "orgstaff").getBody().get("items"), "id")).containsExactly(k1);
        assertThat(ids(get("?unitId=" + unitB + "&sort=classNumber", "orgstaff").getBody().get("items"), "id"))
                .containsExactly(k1, k2);
        assertThat(ids(get("?unitId=" + unitB + "&sort=-classNumber", "orgstaff").getBody().get("items"), "id"))
                .containsExactly(k2, k1);
        assertThat(ids(get("?unitId=" + unitB + "&sort=startDate", "orgstaff").getBody().get("items"), "id"))
                .containsExactly(k2, k1);
        assertThat(ids(get("?unitId=" + unitB + "&stage=FOLLOWING_UP", "orgstaff").getBody().get("items"), "id"))
                .containsExactly(k1);
        assertThat(ids(get("?unitId=" + unitB + "&stage=ASSESSING", "orgstaff").getBody().get("items"), "id"))
                .containsExactly(k2);
        String number = fixtures.classNumber(k1);
        assertThat(ids(get("?q=" + number.toLowerCase(), "orgstaff").getBody().get("items"), "id")).containsExactly(k1);
        int year = EngineClock.today().minusDays(10).getYear();
        assertThat(ids(get("?unitId=" + unitA + "&year=" + (year - 1), "orgstaff").getBody().get("items"), "id")).isEmpty();

        // unit HR: only classes with their unit's trainees, without asking
        List<Long> seenByA = ids(get("?size=200&q=FXK", "cp-hr-a").getBody().get("items"), "id");
        assertThat(seenByA).contains(k1).doesNotContain(k2);
        assertThat(ids(get("?size=200&q=FXK", "cp-hr-b").getBody().get("items"), "id")).contains(k1, k2);
        // the class teacher: the classes they are staff of
        assertThat(ids(get("?size=200", "cp-teacher").getBody().get("items"), "id")).containsExactly(k1);
        assertThat(ids(get("?size=200", "lecturer").getBody().get("items"), "id")).doesNotContain(k1, k2);
        // the follow-up team: the classes with a follow-up, every trainee
        assertThat(ids(get("?size=200&q=FXK", "followup").getBody().get("items"), "id")).contains(k1).doesNotContain(k2);
        assertThat(ids(get("/" + k1 + "/roster", "followlead").getBody().get("trainees"), "cadreId")).hasSize(3);

        Map<String, Object> item = list(get("?unitId=" + unitA, "orgstaff").getBody().get("items")).get(0);
        assertThat(item).containsEntry("classNumber", number).containsEntry("stage", "FOLLOWING_UP")
                .containsEntry("stageLabel", "训后跟踪").containsEntry("institution", "测试培训学院")
                .containsEntry("classType", "TRAINING").containsEntry("plannedParticipants", 30)
                .containsEntry("enrolled", 3).containsEntry("processInstanceId", k1Instance);
    }

    @Test
    void the_list_pages_on_the_server_and_counts_the_whole_selection() {
        Map<String, Object> first = get("?unitId=" + unitB + "&sort=classNumber&size=1&page=0", "orgstaff").getBody();
        Map<String, Object> second = get("?unitId=" + unitB + "&sort=classNumber&size=1&page=1", "orgstaff").getBody();
        assertThat(first).containsEntry("page", 0).containsEntry("size", 1).containsEntry("total", 2);
        assertThat(ids(first.get("items"), "id")).containsExactly(k1);
        assertThat(ids(second.get("items"), "id")).containsExactly(k2);
        long all = jdbc.sql("SELECT COUNT(*) FROM training_class").query(Long.class).single();
        Map<String, Object> everything = get("", "manager").getBody();
        assertThat(((Number) everything.get("total")).longValue()).isEqualTo(all);
        assertThat(list(everything.get("items"))).hasSize((int) Math.min(20, all));
    }

    @Test
    void bad_sort_stage_paging_and_filter_values_are_refused_in_chinese() {
        Map<String, String> bad = Map.of(
                "?sort=secret", "排序字段只能是 classNumber、title、institution、startDate、endDate、plannedParticipants、enrolled、stage",
                "?stage=DONE", "班次阶段只能是",
                "?page=-1", "page 须在 0 到",
                "?size=500", "size 须在 1 到 200 之间",
                "?size=x", "size 须为整数",
                "?year=twenty", "year 须为整数",
                "?unitId=abc", "unitId 须为编号",
                "?unitId=999999999", "单位不存在：999999999");
        bad.forEach((query, text) -> {
            ResponseEntity<Map<String, Object>> refused = get(query, "orgstaff");
            assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(message(refused)).as(query).contains(text);
        });
        assertThat(get("/stages?year=1800", "orgstaff").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void stage_counts_match_the_database_for_a_unit() {
        List<Map<String, Object>> stages = list(get("/stages?unitId=" + unitB, "cp-hr-b").getBody().get("stages"));
        assertThat(stages).hasSize(ClassStage.values().length);
        assertThat(stages).filteredOn(s -> s.get("stage").equals("FOLLOWING_UP")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("count", 1).containsEntry("label", "训后跟踪"));
        assertThat(stages).filteredOn(s -> s.get("stage").equals("ASSESSING")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("count", 1));
        assertThat(stages.stream().mapToInt(s -> ((Number) s.get("count")).intValue()).sum()).isEqualTo(2);
    }

    // ---- dossier contents -----------------------------------------------------------------------------------------

    @Test
    void the_filing_section_holds_courses_hours_by_category_findings_trail_and_staff() {
        Map<String, Object> filing = get("/" + k1, "orgstaff").getBody();
        assertThat(filing).containsEntry("classNumber", fixtures.classNumber(k1)).containsEntry("stage", "FOLLOWING_UP")
                .containsEntry("traineeView", "ALL").containsEntry("enrolled", 3);
        assertThat(list(filing.get("courses"))).hasSize(3);
        List<Map<String, Object>> hours = list(filing.get("hoursByCategory"));
        assertThat(hours).extracting(h -> h.get("category")).containsExactly("PARTY_THEORY", "PARTY_SPIRIT", "PROFESSIONAL");
        assertThat(hours.get(0)).containsEntry("hours", 20.0).containsEntry("share", 0.5);
        assertThat(((Number) filing.get("totalHours")).doubleValue()).isEqualTo(jdbc.sql(
                "SELECT SUM(hours) FROM course WHERE class_id = ?").param(k1).query(java.math.BigDecimal.class).single().doubleValue());
        assertThat(map(filing.get("staff"))).containsEntry("CLASS_TEACHER", List.of("cp-teacher"));
        assertThat(filing).containsKeys("findings", "history");
    }

    @Test
    void the_roster_shows_mandates_allocations_and_trainees_and_a_unit_hr_only_their_units() {
        Map<String, Object> whole = get("/" + k1 + "/roster", "orgstaff").getBody();
        assertThat(ids(whole.get("trainees"), "cadreId")).containsExactlyInAnyOrderElementsOf(jdbc.sql(
                "SELECT cadre_id FROM enrollment WHERE class_id = ?").param(k1).query(Long.class).list());
        assertThat(list(whole.get("mandates"))).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("cadreId", (int) b1).containsEntry("status", "CONFIRMED").containsEntry("statusLabel", "已确认"));
        assertThat(list(whole.get("allocations"))).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("unitId", (int) unitA).containsEntry("seats", 2).containsEntry("status", "CONFIRMED"));
        assertThat(list(whole.get("trainees"))).filteredOn(t -> ((Number) t.get("cadreId")).longValue() == b1).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("route", "NAMED").containsEntry("enrollmentStatus", "COMPLETED"));
        assertThat(whole).containsEntry("hiddenTrainees", 0).containsEntry("traineeView", "ALL");

        for (String unitUser : List.of("cp-hr-a", "cp-lead-a")) {
            Map<String, Object> own = get("/" + k1 + "/roster", unitUser).getBody();
            assertThat(ids(own.get("trainees"), "cadreId")).as(unitUser).containsExactly(a1, a2);
            assertThat(list(own.get("mandates"))).as(unitUser).isEmpty();
            assertThat(list(own.get("allocations"))).as(unitUser).hasSize(1);
            assertThat(own).containsEntry("hiddenTrainees", 1).containsEntry("traineeView", "OWN_UNIT");
        }
        Map<String, Object> b = get("/" + k1 + "/roster", "cp-hr-b").getBody();
        assertThat(ids(b.get("trainees"), "cadreId")).containsExactly(b1);
        assertThat(list(b.get("allocations"))).isEmpty();
        assertThat(ids(get("/" + k1 + "/roster", "cp-inst").getBody().get("trainees"), "cadreId")).hasSize(3);
    }

    @Test
    void the_attendance_grid_holds_the_current_marks_of_every_session_and_trainee() {
        Map<String, Object> grid = get("/" + k1 + "/attendance", "cp-teacher").getBody();
        long sessions = jdbc.sql("SELECT COUNT(*) FROM teaching_session WHERE class_id = ?").param(k1).query(Long.class).single();
        assertThat(list(grid.get("sessions"))).hasSize((int) sessions);
        Map<String, Object> b = list(grid.get("trainees")).stream()
                .filter(t -> ((Number) t.get("cadreId")).longValue() == b1).findFirst().orElseThrow();
        assertThat(map(b.get("marks")).values()).containsOnly("ABSENT", "LATE").hasSize((int) sessions);
        assertThat(b).containsEntry("absences", 1);
        Map<String, Object> own = get("/" + k1 + "/attendance", "cp-hr-a").getBody();
        assertThat(ids(own.get("trainees"), "cadreId")).containsExactly(a1, a2);
        assertThat(own).containsEntry("hiddenTrainees", 1);
    }

    @Test
    void the_assessment_section_holds_results_by_rank_and_certificates_without_their_code() {
        Map<String, Object> section = get("/" + k1 + "/assessment", "manager").getBody();
        assertThat(ids(section.get("results"), "cadreId")).containsExactlyElementsOf(jdbc.sql(
                "SELECT cadre_id FROM assessment_result WHERE class_id = ? ORDER BY class_rank").param(k1).query(Long.class).list());
        assertThat(list(section.get("results")).get(0)).containsEntry("grade", "EXCELLENT").containsEntry("gradeLabel", "优秀")
                .containsEntry("rank", 1).containsEntry("confirmed", true);
        assertThat(list(section.get("certificates"))).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("certificateNumber", "FXCERT" + k1).containsEntry("statusLabel", "有效")
                .doesNotContainKey("verificationCode"));
        Map<String, Object> b = get("/" + k1 + "/assessment", "cp-hr-b").getBody();
        assertThat(ids(b.get("results"), "cadreId")).containsExactly(b1);
        assertThat(list(b.get("certificates"))).isEmpty();
        assertThat(b).containsEntry("hiddenTrainees", 2);
    }

    @Test
    void the_follow_up_section_holds_the_follow_up_its_summaries_and_the_delivery_trail_for_its_readers() {
        Map<String, Object> section = get("/" + k1 + "/follow-up", "orgstaff").getBody();
        assertThat(map(section.get("followUp"))).containsEntry("status", "OPEN");
        assertThat(ids(section.get("summaries"), "cadreId")).containsExactlyInAnyOrder(a1, a2, b1);
        assertThat(section).containsEntry("deliveriesShown", true).containsKeys("seminars", "visits", "reports", "evaluations");
        Map<String, Object> own = get("/" + k1 + "/follow-up", "cp-hr-a").getBody();
        assertThat(ids(own.get("summaries"), "cadreId")).containsExactlyInAnyOrder(a1, a2);
        assertThat(own).containsEntry("hiddenTrainees", 1).containsEntry("deliveriesShown", true);
        assertThat(get("/" + k1 + "/follow-up", "approver").getBody()).containsEntry("deliveriesShown", false);
        Map<String, Object> none = get("/" + k2 + "/follow-up", "orgstaff").getBody();
        assertThat(none.get("followUp")).isNull();
    }

    // ---- diagram --------------------------------------------------------------------------------------------------

    @Test
    void the_diagram_shows_the_training_class_instance_with_its_active_activities_from_the_engine() {
        Map<String, Object> diagram = get("/" + k1 + "/diagram", "cp-hr-a").getBody();
        assertThat(diagram).containsEntry("processInstanceId", k1Instance).containsEntry("ended", false)
                .containsEntry("processDefinitionKey", TrainingClassProcess.KEY);
        assertThat(strings(diagram.get("activeActivityIds")))
                .containsExactlyInAnyOrderElementsOf(runtimeService.getActiveActivityIds(k1Instance))
                .contains(TrainingClassProcess.Elements.TASK_PLAN_DISPATCH);
        assertThat((String) diagram.get("bpmnXml")).contains("<bpmn:process id=\"training-class\"")
                .contains("bpmndi:BPMNDiagram");
        assertThat(list(diagram.get("calledProcesses"))).isEmpty();
    }

    @Test
    void the_diagram_lists_the_called_mandate_processes_with_their_active_activities() {
        LocalDate start = EngineClock.today().plusDays(40);
        long k3 = fixtures.trainingClass("门户流程图", start, start.plusDays(4), true);
        String instance = lifecycle.open(k3);
        Task plan = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        taskService.complete(plan.getId(), rosterService.formVariables(new RosterPlan(EngineClock.now().plusDays(10),
                List.of(), List.of(new RosterPlan.UnitSeats(unitA, 1)), false)));
        Map<String, Object> diagram = get("/" + k3 + "/diagram", "orgstaff").getBody();
        assertThat(strings(diagram.get("activeActivityIds"))).contains(TrainingClassProcess.Elements.CALL_QUOTA_MANDATES);
        String sub = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance).singleResult().getId();
        assertThat(list(diagram.get("calledProcesses"))).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("key", QuotaMandateProcess.KEY).containsEntry("processInstanceId", sub);
            assertThat(strings(c.get("activeActivityIds")))
                    .containsExactlyInAnyOrderElementsOf(runtimeService.getActiveActivityIds(sub));
        });
        Map<String, Object> row = list(get("?q=" + fixtures.classNumber(k3), "orgstaff").getBody().get("items")).get(0);
        assertThat(row).containsEntry("stage", "ROSTERING").containsEntry("processInstanceId", instance);
    }
}
