package cn.ganxun.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.classes.ClassFiling;
import cn.ganxun.classes.ClassFilingProcess;
import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.ClassType;
import cn.ganxun.classes.Course;
import cn.ganxun.classes.CourseCategory;
import cn.ganxun.classes.DispatchMode;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.coverage.CoverageReport;
import cn.ganxun.coverage.CoverageViews.CoverageSummary;
import cn.ganxun.dashboard.ListRequest.ListPage;
import cn.ganxun.institutions.Institution;
import cn.ganxun.institutions.InstitutionKind;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.FollowUpFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * Each dashboard figure against rows the test seeds (rolled back): the counts the figure shows are the rows behind it,
 * and its drill-down list holds exactly those rows.
 */
@GanxunTest
@Transactional
@AlsoOnPostgres
class DashboardFiguresTest {

    private static final String FILER = "dash-filer";

    @Autowired ApprovalFigures approvals;
    @Autowired MandateFigures mandates;
    @Autowired FollowUpFigures followUps;
    @Autowired DeliveryFigures deliveries;
    @Autowired IncidentFigures incidents;
    @Autowired CoverageReport coverage;
    @Autowired ClassFilingService filings;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired TrainingFixtures fixtures;
    @Autowired FollowUpFixtures followUpFixtures;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    Institution institution;

    @BeforeEach
    void setUp() {
        ClockUtil.reset();
        institution = directory.institution("FXDB1", "看板测试学院", InstitutionKind.CADRE_COLLEGE);
        directory.user(FILER, Groups.INSTITUTION, Groups.institution("FXDB1"));
        directory.bindToInstitution(FILER, institution.id());
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    // ---- approvals (R13) -----------------------------------------------------------------------------------

    @Test
    void r13_pendingApprovalsAreCountedByAgeWithTheOverdueAndLateFilings() {
        TrainingClass onTime = file(60);
        TrainingClass late = file(10);
        file(10, 20);   // under 30 participants: recorded, never pending
        DashboardFilter mine = DashboardFilter.of(null, null, String.valueOf(institution.id()));

        ApprovalFigures.Figure fresh = approvals.figure(mine);
        assertThat(fresh.pending()).isEqualTo(2);
        assertThat(fresh.overdue()).isZero();
        assertThat(fresh.lateFiled()).as("R13: filed less than 30 days before the start").isEqualTo(1);
        assertThat(fresh.startingWithin30Days()).isEqualTo(1);
        assertThat(fresh.bands()).extracting(ApprovalFigures.Band::band, ApprovalFigures.Band::pending)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ApprovalFigures.AgeBand.D0_5, 2L),
                        org.assertj.core.groups.Tuple.tuple(ApprovalFigures.AgeBand.D6_10, 0L),
                        org.assertj.core.groups.Tuple.tuple(ApprovalFigures.AgeBand.D11_30, 0L),
                        org.assertj.core.groups.Tuple.tuple(ApprovalFigures.AgeBand.D31, 0L));

        ClockUtil.setCurrentTime(EngineClock.toDate(EngineClock.now().plusDays(8)));
        ApprovalFigures.Figure later = approvals.figure(mine);
        assertThat(later.pending()).isEqualTo(2);
        assertThat(later.overdue()).as("the review task's due date (P5D) has passed").isEqualTo(2);
        assertThat(later.bands().get(1)).extracting(ApprovalFigures.Band::pending, ApprovalFigures.Band::overdue)
                .containsExactly(2L, 2L);

        ListPage<ApprovalFigures.Row> list = approvals.list(mine, ApprovalFigures.AgeBand.D6_10, true,
                request("classNumber", ApprovalFigures.sortColumns(), "class_id"));
        assertThat(list.total()).isEqualTo(2);
        assertThat(list.items()).extracting(ApprovalFigures.Row::classNumber)
                .containsExactlyInAnyOrder(onTime.classNumber(), late.classNumber());
        ApprovalFigures.Row row = list.items().stream().filter(r -> r.classId() == late.id()).findFirst().orElseThrow();
        Task review = taskService.createTaskQuery().processInstanceId(row.processInstanceId())
                .taskDefinitionKey(ClassFilingProcess.Elements.TASK_REVIEW_FILING).singleResult();
        assertThat(row.taskId()).isEqualTo(review.getId());
        assertThat(row.ageDays()).isEqualTo(8);
        assertThat(row.overdue()).isTrue();
        assertThat(row.lateFiled()).isTrue();
        assertThat(row.institutionName()).isEqualTo("看板测试学院");
        assertThat(approvals.list(mine, null, false, request(null, ApprovalFigures.sortColumns(), "class_id")).total())
                .isZero();
    }

    @Test
    void aDecidedFilingIsNoLongerPending() {
        TrainingClass filed = file(60);
        DashboardFilter mine = DashboardFilter.of(null, null, String.valueOf(institution.id()));
        assertThat(approvals.figure(mine).pending()).isEqualTo(1);
        filings.decide(filed.id(), cn.ganxun.classes.ReviewDecision.REJECT, "不予批准", null, "approver");
        assertThat(approvals.figure(mine).pending()).isZero();
        assertThat(approvals.figure(DashboardFilter.of(String.valueOf(filed.startDate().getYear() + 1), null,
                String.valueOf(institution.id()))).pending()).isZero();
    }

    // ---- mandates (R8, R9) -----------------------------------------------------------------------------------

    @Test
    void r8_r9_unansweredMandatesPerUnitBeforeAndPastTheirDeadline() {
        long parent = fixtures.unit("看板上级局");
        long child = fixtures.unit("看板下属处");
        long other = fixtures.unit("看板其他局");
        jdbc.sql("UPDATE unit SET parent_id = ? WHERE id = ?").params(parent, child).update();
        LocalDateTime now = EngineClock.now();
        long open = rosterClass(now.plusDays(5), "OPEN");
        long finished = rosterClass(now.minusDays(5), "FINAL");
        allocation(open, parent, now.minusDays(1), "OPEN");
        allocation(open, child, now.plusDays(3), "OPEN");
        allocation(open, child, now.plusDays(3), "NOMINATED");
        allocation(open, other, now.minusDays(1), "OPEN");
        allocation(finished, parent, now.minusDays(10), "OPEN");
        long namedCadre = fixtures.cadre(child, Rank.COUNTY_DEPUTY);
        mandate(open, namedCadre, "NOTIFIED");
        mandate(open, fixtures.cadre(child, Rank.STAFF), "CONFIRMED");

        MandateFigures.Figure figure = mandates.figure(DashboardFilter.of(null, null, null), Optional.of(Set.of(parent, child)));
        assertThat(figure.units()).extracting(MandateFigures.UnitCount::unitId, MandateFigures.UnitCount::pastDeadline,
                MandateFigures.UnitCount::beforeDeadline)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(parent, 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple(child, 0L, 2L));
        assertThat(figure.pastDeadline()).isEqualTo(1);
        assertThat(figure.beforeDeadline()).isEqualTo(2);

        ListPage<MandateFigures.Row> named = mandates.list(DashboardFilter.of(null, null, null),
                Optional.of(Set.of(parent, child)), MandateFigures.Kind.NAMED, null,
                request(null, MandateFigures.sortColumns(), "row_key"));
        assertThat(named.total()).isEqualTo(1);
        assertThat(named.items().get(0).cadreId()).isEqualTo(namedCadre);
        assertThat(named.items().get(0).kindLabel()).isEqualTo("点名调训");
        assertThat(mandates.list(DashboardFilter.of(null, null, null), Optional.of(Set.of(parent, child)), null, true,
                request("-deadline", MandateFigures.sortColumns(), "row_key")).items())
                .extracting(MandateFigures.Row::unitId).containsExactly(parent);
    }

    // ---- follow-up (R26, R27) --------------------------------------------------------------------------------

    @Test
    void r26_r27_followUpProgressCountsSeminarsSummariesAndVisitsAgainstTheirDueDates() {
        LocalDate today = EngineClock.today();
        long unit = fixtures.unit("看板跟踪局");
        long classId = fixtures.trainingClass("看板跟踪", today.minusDays(105), today.minusDays(100), true);
        long followUp = followUpFixtures.openFollowUp(classId, today.minusDays(100), today.minusDays(1));
        long[] cadres = new long[4];
        for (int i = 0; i < cadres.length; i++) {
            cadres[i] = fixtures.cadre(unit, Rank.TOWNSHIP_DEPUTY);
            fixtures.enroll(classId, cadres[i], "COMPLETED", 30.0);
            jdbc.sql("INSERT INTO learning_summary (follow_up_id, cadre_id, status) VALUES (?, ?, ?)")
                    .params(followUp, cadres[i], i < 2 ? "SUBMITTED" : "DUE").update();
        }
        jdbc.sql("INSERT INTO sample_draw (follow_up_id, draw_no, seed, sample_share, drawn_by, drawn_at, current_draw)"
                + " VALUES (?, 1, 7, 0.5, 'followlead', ?, TRUE)").params(followUp, Timestamp.valueOf(EngineClock.now()))
                .update();
        long draw = jdbc.sql("SELECT id FROM sample_draw WHERE follow_up_id = ?").param(followUp).query(Long.class).single();
        visit(followUp, draw, cadres[0], unit, "DONE", today.minusDays(1));
        visit(followUp, draw, cadres[1], unit, "DUE", today.minusDays(1));
        visit(followUp, draw, cadres[2], unit, "DUE", today.plusDays(30));

        FollowUpFigures.Figure figure = followUps.figure(DashboardFilter.of(null, null, null), Optional.of(Set.of(unit)));
        assertThat(figure.followUps()).isEqualTo(1);
        assertThat(figure.seminars()).extracting(FollowUpFigures.Progress::done, FollowUpFigures.Progress::due,
                FollowUpFigures.Progress::overdue).containsExactly(0L, 1L, 1L);
        assertThat(figure.summaries()).extracting(FollowUpFigures.Progress::done, FollowUpFigures.Progress::total,
                FollowUpFigures.Progress::overdue).containsExactly(2L, 4L, 2L);
        assertThat(figure.visits()).extracting(FollowUpFigures.Progress::done, FollowUpFigures.Progress::total,
                FollowUpFigures.Progress::due, FollowUpFigures.Progress::overdue).containsExactly(1L, 3L, 2L, 1L);

        jdbc.sql("INSERT INTO follow_up_seminar (follow_up_id, held_on, place, attendees, minutes, recorded_by, recorded_at)"
                + " VALUES (?, ?, '会议室', '全体学员', '纪要', 'inst', ?)").params(followUp, today.minusDays(50),
                Timestamp.valueOf(EngineClock.now())).update();
        ListPage<FollowUpFigures.Row> list = followUps.list(DashboardFilter.of(null, null, null), Optional.of(Set.of(unit)),
                true, request(null, FollowUpFigures.sortColumns(), "follow_up_id"));
        assertThat(list.total()).isEqualTo(1);
        FollowUpFigures.Row row = list.items().get(0);
        assertThat(row.classId()).isEqualTo(classId);
        assertThat(row.seminarsHeld()).isEqualTo(1);
        assertThat(row.seminarOverdue()).isFalse();
        assertThat(row.summariesOverdue()).isEqualTo(2);
        assertThat(row.visitsOverdue()).isEqualTo(1);
        assertThat(followUps.figure(DashboardFilter.of(null, null, null), Optional.of(Set.of(fixtures.unit("无学员局"))))
                .followUps()).as("a unit without trainees in the class does not see it").isZero();
    }

    // ---- deliveries and incidents ---------------------------------------------------------------------------

    @Test
    void r30_failedDeliveriesAreCountedByKindAndAFeedbackMailNamesItsClass() {
        long unit = fixtures.unit("看板反馈局");
        long classId = fixtures.trainingClass("看板反馈", EngineClock.today().minusDays(10), EngineClock.today().minusDays(5), true);
        jdbc.sql("INSERT INTO feedback_report (class_id, unit_id, occasion, trainee_count, created_at) VALUES (?, ?, 'RESULTS', 1, ?)")
                .params(classId, unit, Timestamp.valueOf(EngineClock.now())).update();
        long report = jdbc.sql("SELECT id FROM feedback_report WHERE class_id = ?").param(classId).query(Long.class).single();
        outbox("unit-feedback:" + report, "leader@fx.local", "FAILED");
        outbox("fx-dashboard:1", "a@fx.local", "FAILED");
        outbox("fx-dashboard:2", "b@fx.local", "FAILED");
        outbox("fx-dashboard:3", "c@fx.local", "SENT");

        DeliveryFigures.Figure figure = deliveries.figure();
        assertThat(figure.failed()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'FAILED'")
                .query(Long.class).single());
        assertThat(figure.kinds()).filteredOn(k -> k.kind().equals("fx-dashboard"))
                .extracting(DeliveryFigures.KindCount::failed).containsExactly(2L);
        assertThat(figure.kinds()).filteredOn(k -> k.kind().equals("unit-feedback"))
                .extracting(DeliveryFigures.KindCount::label).containsExactly("结果反馈（R30）");

        ListPage<DeliveryFigures.Row> feedback = deliveries.list("unit-feedback",
                request("recipient", DeliveryFigures.sortColumns(), "id"));
        assertThat(feedback.items()).filteredOn(r -> "leader@fx.local".equals(r.recipient()))
                .extracting(DeliveryFigures.Row::classId, DeliveryFigures.Row::unitName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(classId, "看板反馈局"));
        assertThat(deliveries.list("fx-dashboard", request(null, DeliveryFigures.sortColumns(), "id")).total()).isEqualTo(2);
    }

    @Test
    void incidentsAreCountedByProcessAndActivityWithTheActivityName() {
        TrainingClass filed = file(60);
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(filed.classNumber())
                .processDefinitionKey(ClassFilingProcess.KEY).singleResult().getId();
        String execution = runtimeService.createExecutionQuery().processInstanceId(instance)
                .activityId(ClassFilingProcess.Elements.TASK_REVIEW_FILING).list().get(0).getId();
        runtimeService.createIncident("dashboardTest", execution, "fx", "看板测试异常");

        IncidentFigures.Figure figure = incidents.figure();
        assertThat(figure.incidents()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT").query(Long.class).single());
        IncidentFigures.ActivityCount review = figure.activities().stream()
                .filter(a -> a.processKey().equals(ClassFilingProcess.KEY)
                        && a.activityId().equals(ClassFilingProcess.Elements.TASK_REVIEW_FILING))
                .findFirst().orElseThrow();
        assertThat(review.activityName()).isEqualTo("审批办班申请");
        assertThat(review.incidents()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE ACTIVITY_ID_ = ?")
                .param(ClassFilingProcess.Elements.TASK_REVIEW_FILING).query(Long.class).single());

        ListPage<IncidentFigures.Row> list = incidents.list(ClassFilingProcess.KEY, ClassFilingProcess.Elements.TASK_REVIEW_FILING,
                request(null, IncidentFigures.sortColumns(), "incident_id"));
        assertThat(list.items()).filteredOn(r -> r.processInstanceId().equals(instance))
                .extracting(IncidentFigures.Row::message, IncidentFigures.Row::businessKey, IncidentFigures.Row::activityName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("看板测试异常", filed.classNumber(), "审批办班申请"));
    }

    // ---- coverage (R5, R7) and the filters --------------------------------------------------------------------

    @Test
    void r7_theDashboardYearIsTheFiveYearsEndingOnItsLastDay() {
        long unit = fixtures.unit("看板覆盖局");
        long trained = fixtures.cadre(unit, Rank.STAFF);
        fixtures.cadre(unit, Rank.STAFF);
        int lastYear = EngineClock.today().getYear() - 1;
        long classId = fixtures.trainingClass("看板覆盖", LocalDate.of(lastYear, 3, 1), LocalDate.of(lastYear, 3, 10), true);
        fixtures.course(classId, "PARTY_THEORY", 40);
        fixtures.enroll(classId, trained, "COMPLETED", 40.0);

        CoverageSummary current = coverage.summary(DashboardFilter.of(null, null, null).coverageAsOf(), String.valueOf(unit),
                null, null, "unit", Optional.empty());
        assertThat(current.total()).extracting(r -> r.activeCadres(), r -> r.red(), r -> r.yellow(), r -> r.participants(),
                r -> r.passed()).containsExactly(2L, 1L, 1L, 1L, 1L);
        assertThat(current.total().participationRate()).isEqualByComparingTo(new BigDecimal("0.5"));

        String before = DashboardFilter.of(String.valueOf(lastYear - 1), null, null).coverageAsOf();
        assertThat(before).isEqualTo((lastYear - 1) + "-12-31");
        assertThat(coverage.summary(before, String.valueOf(unit), null, null, "rank", Optional.empty()).total())
                .extracting(r -> r.red(), r -> r.participants()).containsExactly(2L, 0L);
        assertThatThrownBy(() -> coverage.summary(null, String.valueOf(unit), null, null, "unit",
                Optional.of(Set.of(unit + 1000000)))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void badFiltersAndSortsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> DashboardFilter.of("20x5", "-3", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("年度 year").hasMessageContaining("单位 unitId");
        assertThatThrownBy(() -> DashboardFilter.of("1999", null, null)).hasMessageContaining("2000 到 2100");
        assertThatThrownBy(() -> ListRequest.of("0", "201", "bogus", ApprovalFigures.sortColumns(), "filedAt", "class_id"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("每页条数 size")
                .hasMessageContaining("可按").hasMessageContaining("filedAt");
        assertThatThrownBy(() -> DashboardFilter.flag("yes", "overdue", "是否超期")).hasMessageContaining("true 或 false");
    }

    // ---- seeds ------------------------------------------------------------------------------------------------

    private static ListRequest request(String sort, java.util.LinkedHashMap<String, String> columns, String tieBreak) {
        return ListRequest.of(null, null, sort, columns, columns.keySet().iterator().next(), tieBreak);
    }

    private TrainingClass file(int startInDays) {
        return file(startInDays, 40);
    }

    private TrainingClass file(int startInDays, int participants) {
        identityService.setAuthentication(FILER, List.of(Groups.INSTITUTION, Groups.institution("FXDB1")));
        try {
            LocalDate start = EngineClock.today().plusDays(startInDays);
            return filings.submit(new ClassFiling(null, "看板测试班", ClassType.TRAINING, "看板测试", start, start.plusDays(4),
                    true, participants, DispatchMode.QUOTA, new BigDecimal("40"),
                    List.of(new Course("党的理论", new BigDecimal("40"), CourseCategory.PARTY_THEORY))));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private long rosterClass(LocalDateTime deadline, String status) {
        long classId = fixtures.trainingClass("看板调训", deadline.toLocalDate().plusDays(10), deadline.toLocalDate().plusDays(14), true);
        jdbc.sql("INSERT INTO class_roster (class_id, seats, enrollment_deadline, status, opened_by, opened_at)"
                + " VALUES (?, 30, ?, ?, 'orgstaff', ?)").params(classId, Timestamp.valueOf(deadline), status,
                Timestamp.valueOf(EngineClock.now())).update();
        return classId;
    }

    private void allocation(long classId, long unitId, LocalDateTime deadline, String status) {
        jdbc.sql("INSERT INTO quota_allocation (class_id, unit_id, seats, seats_used, deadline, status, created_at)"
                + " VALUES (?, ?, 2, ?, ?, ?, ?)").params(classId, unitId, "NOMINATED".equals(status) ? 1 : 0,
                Timestamp.valueOf(deadline), status, Timestamp.valueOf(EngineClock.now())).update();
    }

    private void mandate(long classId, long cadreId, String status) {
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        jdbc.sql("INSERT INTO named_mandate (class_id, cadre_id, original_cadre_id, status, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)").params(classId, cadreId, cadreId, status, now, now).update();
    }

    private void visit(long followUp, long draw, long cadre, long unit, String status, LocalDate dueOn) {
        jdbc.sql("INSERT INTO unit_visit (follow_up_id, draw_id, cadre_id, unit_id, status, due_on) VALUES (?, ?, ?, ?, ?, ?)")
                .params(followUp, draw, cadre, unit, status, dueOn).update();
    }

    private void outbox(String key, String recipient, String status) {
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        jdbc.sql("INSERT INTO mail_outbox (message_key, recipient, subject, body, status, attempts, last_error, created_at,"
                + " last_attempt_at) VALUES (?, ?, '看板测试', '正文', ?, 3, ?, ?, ?)")
                .params(key, recipient, status, "FAILED".equals(status) ? "连接被拒绝" : null, now, now).update();
    }
}
