package cn.ganxun.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
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

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.FollowUpFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The training archive, its form extracts and promotion registration over real HTTP with the demo logins: the archive's
 * trainings, growth curve, ability map onto 德、能、勤、绩、廉 and reserve pool (R3a, R34, R35), open to the org department,
 * managers, the unit's own HR (and above) and the cadre, 403 across units; the appointment approval and annual
 * appraisal PDFs (R3) read back as text; promotions registered with Chinese refusals (R32); the mapping replaced only by
 * the org department.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class ArchiveApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired TestRestTemplate http;
    @Autowired TrainingFixtures fixtures;
    @Autowired FollowUpFixtures followUps;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    long parentUnit;
    long unit;
    long cadre;
    String name;
    long longClass;
    long shortClass;
    String parentHr;
    String ownAccount;

    /**
     * 欧阳档案N of a unit under a parent unit: a 2-month off-job class in 2025 (appointment form and appraisal form) and a
     * 5-day class in 2026 (appraisal form, excellent-trainee candidate), scores by the liaison, a lecturer and the class
     * teacher, and one follow-up indicator from a unit visit.
     */
    @BeforeEach
    void setUp() {
        int n = SEQUENCE.incrementAndGet();
        parentUnit = fixtures.unit("档案测试区" + n);
        unit = fixtures.unit("档案测试镇" + n);
        jdbc.sql("UPDATE unit SET parent_id = ? WHERE id = ?").params(parentUnit, unit).update();
        cadre = fixtures.cadre(unit, Rank.TOWNSHIP_DEPUTY);
        name = "欧阳档案" + n;
        jdbc.sql("UPDATE cadre SET name = ?, post = '党政办主任' WHERE id = ?").params(name, cadre).update();
        longClass = trained("中青年干部培训班" + n, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30), "GOOD", 120, 195,
                new BigDecimal("86.50"), 3, false, true);
        shortClass = trained("乡村振兴专题班" + n, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5), "EXCELLENT", 40, 25,
                new BigDecimal("95.00"), 1, true, false);
        score(longClass, "LIAISON", "POLITICAL_QUALITY", 90);
        score(longClass, "LECTURER", "KNOWLEDGE", 70);
        score(longClass, "CLASS_TEACHER", "SEMINAR", 9);
        jdbc.sql("INSERT INTO scoring_item (class_id, block, code, name, max_points, line_no) VALUES (?, 'CLASSROOM', 'SEMINAR', '研讨发言', 10, 1)")
                .param(longClass).update();
        visitScore(longClass, "DECISION_RESULTS", 70);
        parentHr = directory.user("arch-hr-" + n, Groups.UNIT_HR);
        directory.bindToUnit(parentHr, parentUnit);
        ownAccount = directory.user("arch-self-" + n, Groups.TRAINEE);
        directory.bindToCadre(ownAccount, cadre);
    }

    @Test
    void r3a_r34_r35_theArchiveHoldsTrainingsGrowthAbilityMapAndReservePool() {
        ResponseEntity<Map<String, Object>> response = get("/cadres/" + cadre + "/archive", "orgstaff");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> archive = response.getBody();
        assertThat(map(archive.get("cadre"))).containsEntry("name", name).containsEntry("rankLabel", "乡科级副职");

        List<Map<String, Object>> trainings = list(archive.get("trainings"));
        assertThat(trainings).extracting(t -> ((Number) t.get("classId")).longValue()).containsExactly(shortClass, longClass);
        assertThat(trainings.get(1)).containsEntry("hours", 120.0).containsEntry("credits", 195.0).containsEntry("grade", "GOOD")
                .containsEntry("result", 86.5).containsEntry("classRank", 3).containsEntry("forAppointmentForm", true)
                .containsEntry("certificateNumber", "GX-2025-" + longClass);

        assertThat(list(archive.get("growth"))).extracting(y -> y.get("year"), y -> y.get("classes"), y -> y.get("hours"),
                y -> y.get("credits"), y -> y.get("averageResult"))
                .containsExactly(tuple(2025, 1, 120.0, 195.0, 86.5),
                        tuple(2026, 1, 40.0, 25.0, 95.0));

        // R34: 德 = liaison's political quality 90; 能 = (lecturer knowledge 70 + seminar 9/10 → 90) / 2; 绩 = follow-up 70
        Map<String, Object> ability = map(archive.get("abilityMap"));
        assertThat(list(ability.get("dimensions"))).extracting(d -> d.get("label"), d -> d.get("score"))
                .containsExactly(tuple("德", 90.0), tuple("能", 80.0),
                        tuple("勤", null), tuple("绩", 70.0),
                        tuple("廉", null));
        assertThat((String) ability.get("method")).contains("Σ(权重 × 指标得分) / Σ权重");

        Map<String, Object> reserve = map(archive.get("reservePool"));
        assertThat(reserve).containsEntry("candidate", true);
        assertThat(list(reserve.get("classes"))).singleElement().satisfies(k -> assertThat(k).containsEntry("classRank", 1)
                .containsEntry("classNumber", fixtures.classNumber(shortClass)));
    }

    @Test
    void r34_theArchiveIsOpenToTheOrgDepartmentManagersTheUnitsHrAndTheCadreOnly() {
        String path = "/cadres/" + cadre + "/archive";
        assertThat(get(path, "manager").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(path, parentHr).getStatusCode()).as("HR of the unit above").isEqualTo(HttpStatus.OK);
        assertThat(get(path, ownAccount).getStatusCode()).as("the cadre themself").isEqualTo(HttpStatus.OK);

        ResponseEntity<Map<String, Object>> otherUnit = get(path, "unithr");
        assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) otherUnit.getBody().get("message")).contains("无权访问", "不属于本单位");
        assertThat(get(path, "unithr2").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(path, "trainee").getStatusCode()).as("another cadre").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(path, "inst").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/cadres/" + cadre + "/forms/appointment-approval.pdf", "unithr").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(get("/cadres/999999999/archive", "orgstaff").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/cadres/999999999/archive", "inst").getStatusCode()).as("roles before existence")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void r3_theAppointmentApprovalFormListsOffJobTrainingOfTwoMonthsOrMore() throws IOException {
        ResponseEntity<byte[]> pdf = pdf("/cadres/" + cadre + "/forms/appointment-approval.pdf", ownAccount);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text = text(pdf.getBody());
        assertThat(text).contains("干部任免审批表", "培训情况", name, "党政办主任", "乡科级副职", "中青年干部培训班", "2025.03.01—2025.04.30",
                "61", "120", "195", "良好", "GX-2025-" + longClass, "两个月及以上");
        assertThat(text).doesNotContain("乡村振兴专题班");
    }

    @Test
    void r3_theAnnualAppraisalFormListsTheYearsOffJobTraining() throws IOException {
        String text = text(pdf("/cadres/" + cadre + "/forms/annual-appraisal.pdf?year=2026", parentHr).getBody());
        assertThat(text).contains("年度考核登记表", "2026年", name, "乡村振兴专题班", "优秀", "合计：1个班次，40学时，25学分");
        assertThat(text).doesNotContain("中青年干部培训班");
        assertThat(text(pdf("/cadres/" + cadre + "/forms/annual-appraisal.pdf?year=2024", "orgstaff").getBody()))
                .contains("2024年无脱产培训记录");

        ResponseEntity<Map<String, Object>> noYear = get("/cadres/" + cadre + "/forms/annual-appraisal.pdf", "orgstaff");
        assertThat(noYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noYear.getBody().toString()).contains("考核年度");
    }

    @Test
    void r32_thePromotionIsRegisteredOverTheApiAndShowsInTheArchive() {
        long promoted = fixtures.cadre(unit, Rank.STAFF);
        String number = jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(promoted).query(String.class).single();
        LocalDate effective = EngineClock.today().minusDays(3);

        ResponseEntity<Map<String, Object>> future = post("/promotions", "orgstaff",
                Map.of("cadreNumber", number, "toRank", "TOWNSHIP_DEPUTY", "effectiveOn", EngineClock.today().plusDays(1).toString()));
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody().toString()).contains("R32", "不能晚于今天");
        ResponseEntity<Map<String, Object>> unknown = post("/promotions", "orgstaff",
                Map.of("cadreNumber", "NOPE-1", "effectiveOn", effective.toString()));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().toString()).contains("干部不存在：NOPE-1", "晋升后职级 toRank 不能为空");
        assertThat(post("/promotions", "unithr", Map.of("cadreNumber", number, "toRank", "TOWNSHIP_DEPUTY",
                "effectiveOn", effective.toString())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map<String, Object>> created = post("/promotions", "orgstaff", Map.of("cadreNumber", number,
                "toRank", "乡科级副职", "post", "办公室副主任", "effectiveOn", effective.toString()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("status", "WAITING").containsEntry("toRank", "TOWNSHIP_DEPUTY")
                .containsEntry("windowEndsOn", effective.plusYears(1).toString()).containsEntry("registeredBy", "orgstaff");
        assertThat(list(get("/cadres/" + promoted + "/archive", "orgstaff").getBody().get("promotions")))
                .singleElement().satisfies(p -> assertThat(p).containsEntry("statusLabel", "等待任职培训"));
        ResponseEntity<List<Map<String, Object>>> waiting = http.withBasicAuth("orgstaff", "orgstaff")
                .exchange("/api/promotions?status=WAITING", HttpMethod.GET, null, LIST);
        assertThat(waiting.getBody()).extracting(p -> p.get("cadreNumber")).contains(number);
    }

    @Test
    void r34_onlyTheOrgDepartmentReplacesTheAbilityMapping() {
        ResponseEntity<List<Map<String, Object>>> current = http.withBasicAuth("manager", "manager")
                .exchange("/api/ability-mapping", HttpMethod.GET, null, LIST);
        assertThat(current.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(current.getBody()).anySatisfy(m -> assertThat(m).containsEntry("source", "LIAISON")
                .containsEntry("code", "POLITICAL_QUALITY").containsEntry("dimension", "MORALITY"));
        assertThat(put("/ability-mapping", "manager", current.getBody()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> bad = put("/ability-mapping", "orgstaff", List.of(
                Map.of("source", "RUMOUR", "code", "x", "dimension", "MORALITY", "weight", 0),
                Map.of("source", "PEER", "code", "OVERALL", "dimension", "INTEGRITY", "weight", 1),
                Map.of("source", "PEER", "code", "OVERALL", "dimension", "INTEGRITY", "weight", 1)));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("第1行", "来源 source", "指标代码 code", "权重 weight", "第3行：重复的映射");
        ResponseEntity<String> same = put("/ability-mapping", "orgstaff", current.getBody());
        assertThat(same.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ability_mapping").query(Integer.class).single())
                .isEqualTo(current.getBody().size());
    }

    private long trained(String title, LocalDate start, LocalDate end, String grade, double hours, double credits,
            BigDecimal result, int rank, boolean candidate, boolean appointmentForm) {
        long k = fixtures.trainingClass(title, start, end, true);
        jdbc.sql("UPDATE training_class SET title = ? WHERE id = ?").params(title, k).update();
        fixtures.enroll(k, cadre, "COMPLETED", hours);
        jdbc.sql("""
                UPDATE enrollment SET credits = ?, grade = ?, certificate_number = ?, for_annual_appraisal = TRUE,
                       for_appointment_form = ? WHERE class_id = ? AND cadre_id = ?""")
                .params(BigDecimal.valueOf(credits), grade, "GX-" + start.getYear() + "-" + k, appointmentForm, k, cadre)
                .update();
        jdbc.sql("""
                INSERT INTO assessment_result (class_id, cadre_id, result, grade, class_rank, excellent_candidate, completed,
                                               confirmed_by, confirmed_at)
                VALUES (?, ?, ?, ?, ?, ?, TRUE, 'fixture', ?)""")
                .params(k, cadre, result, grade, rank, candidate, Timestamp.valueOf(LocalDateTime.now())).update();
        return k;
    }

    private void score(long classId, String raterKind, String item, double points) {
        jdbc.sql("""
                INSERT INTO score (class_id, cadre_id, rater_kind, rater, item, points, recorded_at)
                VALUES (?, ?, ?, 'fixture', ?, ?, ?)""")
                .params(classId, cadre, raterKind, item, BigDecimal.valueOf(points), Timestamp.valueOf(LocalDateTime.now()))
                .update();
    }

    private void visitScore(long classId, String indicator, double points) {
        LocalDate end = jdbc.sql("SELECT end_date FROM training_class WHERE id = ?").param(classId).query(LocalDate.class).single();
        long followUp = followUps.openFollowUp(classId, end, end.plusMonths(10));
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.sql("""
                INSERT INTO sample_draw (follow_up_id, draw_no, seed, sample_share, drawn_by, drawn_at, current_draw)
                VALUES (?, 1, 7, 0.300, 'fixture', ?, TRUE)""").params(followUp, now).update();
        long draw = jdbc.sql("SELECT id FROM sample_draw WHERE follow_up_id = ?").param(followUp).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO unit_visit (follow_up_id, draw_id, cadre_id, unit_id, status, due_on) VALUES (?, ?, ?, ?, 'DONE', ?)""")
                .params(followUp, draw, cadre, unit, end.plusMonths(10)).update();
        long visit = jdbc.sql("SELECT id FROM unit_visit WHERE follow_up_id = ?").param(followUp).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO interview (visit_id, held_on, method, interviewees, findings, recorded_by, recorded_at)
                VALUES (?, ?, 'INDIVIDUAL_TALK', 'UNIT_LEADER', '推动重点任务落实有力', 'fixture', ?)""")
                .params(visit, end.plusMonths(3), now).update();
        long interview = jdbc.sql("SELECT id FROM interview WHERE visit_id = ?").param(visit).query(Long.class).single();
        jdbc.sql("INSERT INTO indicator_score (interview_id, indicator_code, source, score) VALUES (?, ?, 'UNIT_LEADER', ?)")
                .params(interview, indicator, BigDecimal.valueOf(points)).update();
    }

    private ResponseEntity<Map<String, Object>> get(String path, String user) {
        return http.withBasicAuth(user, user).exchange("/api" + path, HttpMethod.GET, null, OBJECT);
    }

    private ResponseEntity<Map<String, Object>> post(String path, String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange("/api" + path, HttpMethod.POST, new HttpEntity<>(body, headers), OBJECT);
    }

    private ResponseEntity<String> put(String path, String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange("/api" + path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<byte[]> pdf(String path, String user) {
        return http.withBasicAuth(user, user).exchange("/api" + path, HttpMethod.GET, null, byte[].class);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
