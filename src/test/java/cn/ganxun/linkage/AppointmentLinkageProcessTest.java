package cn.ganxun.linkage;

import static cn.ganxun.linkage.AppointmentLinkageProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.LifeEvents;
import cn.ganxun.cadres.Rank;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.linkage.AppointmentLinkageProcess.Vars;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * appointment-linkage (训用结合, R32) with the engine, every path: trained already at registration, trained within the
 * window through training-class's completion step, reminded once before the close, the window closed and the org
 * department extends the probation or records special circumstances, a training confirmed after the close, a promotion
 * recorded in the registry, and a promotion dated in the future refused. Timers fire by moving the engine clock.
 */
@GanxunTest
@AlsoOnPostgres
class AppointmentLinkageProcessTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String ORG = "al-org";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired PromotionService promotions;
    @Autowired LifeEvents lifeEvents;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired Mailbox mailbox;
    @Autowired JdbcClient jdbc;

    long unitId;
    String unitHrEmail;
    String unitHrUser;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
        mailbox.clear();
        int n = SEQUENCE.incrementAndGet();
        unitId = fixtures.unit("任职测试局" + n);
        unitHrEmail = "hr-" + n + "@linkage.test";
        jdbc.sql("UPDATE unit SET hr_email = ? WHERE id = ?").params(unitHrEmail, unitId).update();
        String code = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unitId).query(String.class).single();
        unitHrUser = directory.user("al-hr-" + n, Groups.UNIT_HR, Groups.unitHr(code));
        directory.user(ORG, Groups.ORG_DEPT);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void r32_trainingCompletedWithinTheWindowEndsTheWatchThroughTheClassLifecycle() {
        long cadre = cadre("李晋升");
        LocalDate effective = EngineClock.today().minusDays(10);
        Promotion p = register(cadre, effective);
        ProcessInstance pi = instance(p);
        assertThat(pi.getBusinessKey()).isEqualTo(p.cadreNumber());
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_TRAINING);
        assertThat(p.status()).isEqualTo(PromotionStatus.WAITING);
        assertThat(p.windowEndsOn()).as("R32: one year").isEqualTo(effective.plusYears(1));
        assertThat(p.fromRank()).isEqualTo(Rank.STAFF);
        assertThat(p.toRank()).isEqualTo(Rank.TOWNSHIP_DEPUTY);
        assertThat(jdbc.sql("SELECT rank_level FROM cadre WHERE id = ?").param(cadre).query(String.class).single())
                .as("R1: the registry has the new rank").isEqualTo("TOWNSHIP_DEPUTY");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_event WHERE cadre_id = ? AND kind = 'PROMOTION'").param(cadre)
                .query(Integer.class).single()).isOne();
        Date closes = EngineClock.toDate(effective.plusYears(1).plusDays(1).atStartOfDay());
        assertThat(timerDue(pi, BOUNDARY_WINDOW_CLOSED)).isEqualTo(closes);
        assertThat(timerDue(pi, BOUNDARY_REMINDER_DUE))
                .isEqualTo(EngineClock.toDate(effective.plusYears(1).plusDays(1).atStartOfDay().minusDays(30)));

        // an appointment class ends within the window; the class lifecycle's step after the credits tells the watch
        long k = appointmentClass(effective.plusDays(60), effective.plusDays(64));
        fixtures.enroll(k, cadre, "COMPLETED", 40.0);
        jdbc.sql("UPDATE enrollment SET grade = 'GOOD' WHERE class_id = ?").param(k).update();
        ProcessInstance lifecycle = runtimeService.createProcessInstanceByKey(TrainingClassProcess.KEY)
                .businessKey(fixtures.classNumber(k))
                .startBeforeActivity(TrainingClassProcess.Elements.TASK_REPORT_APPOINTMENT_TRAINING)
                .setVariables(Map.of(TrainingClassProcess.Vars.CLASS_ID, k)).execute();
        Job report = managementService.createJobQuery().processInstanceId(lifecycle.getId())
                .activityId(TrainingClassProcess.Elements.TASK_REPORT_APPOINTMENT_TRAINING).singleResult();
        assertThat(report.getRetries()).isEqualTo(5);
        managementService.executeJob(report.getId());

        assertEndedPassing(p, List.of(TASK_RECORD_TRAINING, END_TRAINED), List.of(TASK_HANDLE_OVERDUE));
        Promotion trained = promotions.find(p.id());
        assertThat(trained.status()).isEqualTo(PromotionStatus.TRAINED);
        assertThat(trained.trainedClassId()).isEqualTo(k);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).as("timers gone").isZero();
    }

    @Test
    void r32_trainedOnDay364CountsAndOnDay366DoesNot() {
        LocalDate effective = EngineClock.today().minusDays(400);
        long onTime = cadre("王按期");
        long k364 = appointmentClass(effective.plusDays(360), effective.plusDays(364));
        complete(k364, onTime, "PASS");
        long late = cadre("赵逾期");
        long k366 = appointmentClass(effective.plusDays(362), effective.plusDays(366));
        complete(k366, late, "EXCELLENT");

        // day 364: already trained when registered
        Promotion first = register(onTime, effective);
        assertEndedPassing(first, List.of(GATEWAY_ALREADY_TRAINED, TASK_RECORD_TRAINING, END_TRAINED),
                List.of(TASK_AWAIT_TRAINING));
        assertThat(promotions.find(first.id()).trainedClassId()).isEqualTo(k364);

        // day 366: outside the window, neither at registration nor when the class reports completions
        Promotion second = register(late, effective);
        ProcessInstance pi = instance(second);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_TRAINING);
        assertThat(promotions.recognisedTraining(second.id())).isEmpty();
        assertThat(promotions.reportCompletions(k366)).isZero();
        fireTimer(pi, BOUNDARY_WINDOW_CLOSED);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_HANDLE_OVERDUE);
        assertThat(promotions.find(second.id()).status()).isEqualTo(PromotionStatus.OVERDUE);
    }

    @Test
    void r32_failedOrOtherClassesDoNotCountUntilTheOrgDepartmentRecognisesOne() {
        LocalDate effective = EngineClock.today().minusDays(30);
        long cadre = cadre("孙培训");
        long failed = appointmentClass(effective.plusDays(1), effective.plusDays(5));
        complete(failed, cadre, "FAIL");
        long regular = fixtures.trainingClass("业务培训", effective.plusDays(6), effective.plusDays(10), true);
        complete(regular, cadre, "GOOD");
        Promotion p = register(cadre, effective);
        BpmnAwareTests.assertThat(instance(p)).isWaitingAt(TASK_AWAIT_TRAINING);
        assertThat(promotions.reportCompletions(failed)).as("a failed training does not count").isZero();
        assertThat(promotions.reportCompletions(regular)).as("not an appointment class").isZero();

        identityService.setAuthentication(ORG, List.of(Groups.ORG_DEPT));
        promotions.recogniseClass(regular, true);
        identityService.clearAuthentication();
        assertThat(promotions.reportCompletions(regular)).isOne();
        assertEndedPassing(p, List.of(TASK_AWAIT_TRAINING, END_TRAINED), List.of(TASK_HANDLE_OVERDUE));
    }

    @Test
    void r32_remindedOnceThenTheOrgDepartmentExtendsTheProbation() throws Exception {
        long cadre = cadre("周提醒");
        LocalDate effective = EngineClock.today().minusDays(10);
        Promotion p = register(cadre, effective);
        ProcessInstance pi = instance(p);

        fireTimer(pi, BOUNDARY_REMINDER_DUE);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_TRAINING, TASK_REMIND_TRAINING);
        Job remind = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TASK_REMIND_TRAINING)
                .singleResult();
        assertThat(remind.getRetries()).isEqualTo(5);
        managementService.executeJob(remind.getId());
        assertThat(mailbox.subjectsTo(unitHrEmail)).singleElement().asString().contains("任职培训提醒", "周提醒");
        assertThat(mailbox.subjectsTo(directory.email(unitHrUser))).hasSize(1);
        assertThat(mailbox.subjectsTo(directory.email(ORG))).hasSize(1);
        assertThat(Mailbox.bodyOf(mailbox.to(unitHrEmail).get(0))).contains("R32", "一年内参加任职培训");
        assertThat(promotions.remind(p.id())).as("once: the outbox does not send twice").isZero();
        assertThat(mailbox.subjectsTo(unitHrEmail)).hasSize(1);
        assertThat(promotions.find(p.id()).remindedAt()).isNotNull();
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_TRAINING).hasPassed(END_REMINDED);

        fireTimer(pi, BOUNDARY_WINDOW_CLOSED);
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_HANDLE_OVERDUE)
                .singleResult();
        assertThat(candidateGroups(task)).containsExactly(Groups.ORG_DEPT);
        assertThat(task.getName()).contains("周提醒");
        assertThat(task.getDueDate()).as("ganxun.linkage.decision-within").isEqualTo(EngineClock.toDate(EngineClock.now().plusDays(14)));
        assertThat((String) taskService.getVariable(task.getId(), Vars.FORM_INFO)).contains("周提醒", "R32", "没有参加任何任职培训班");

        assertThatThrownBy(() -> complete(task, Map.of(Vars.OVERDUE_DECISION, "EXTEND_PROBATION", Vars.DECISION_REASON, "未参加任职培训")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("新的试用期截止日期");
        assertThatThrownBy(() -> complete(task, Map.of(Vars.OVERDUE_DECISION, "EXTEND_PROBATION",
                Vars.PROBATION_ENDS_ON, EngineClock.today().toString(), Vars.DECISION_REASON, "未参加任职培训")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("须晚于今天");
        LocalDate newEnd = EngineClock.today().plusMonths(6);
        complete(task, Map.of(Vars.OVERDUE_DECISION, "EXTEND_PROBATION", Vars.PROBATION_ENDS_ON, newEnd.toString(),
                Vars.DECISION_REASON, "一年内未参加任职培训，延长试用期六个月"));

        assertEndedPassing(p, List.of(END_REMINDED, TASK_MARK_OVERDUE, END_PROBATION_EXTENDED), List.of(END_TRAINED));
        Promotion decided = promotions.find(p.id());
        assertThat(decided.status()).isEqualTo(PromotionStatus.PROBATION_EXTENDED);
        assertThat(decided.probationEndsOn()).isEqualTo(newEnd);
        assertThat(decided.decidedBy()).isEqualTo(ORG);
        assertThat(decided.decisionReason()).contains("延长试用期六个月");
    }

    @Test
    void r32_theOrgDepartmentRecordsSpecialCircumstances() {
        Promotion p = register(cadre("吴特殊"), EngineClock.today().minusDays(370));
        ProcessInstance pi = instance(p);
        fireTimer(pi, BOUNDARY_WINDOW_CLOSED);
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        complete(task, Map.of(Vars.OVERDUE_DECISION, "SPECIAL_CIRCUMSTANCES", Vars.DECISION_REASON, "援藏工作期间无法参训，经部务会研究不延长试用期"));
        assertEndedPassing(p, List.of(END_SPECIAL_CIRCUMSTANCES), List.of(END_PROBATION_EXTENDED, END_TRAINED));
        Promotion decided = promotions.find(p.id());
        assertThat(decided.status()).isEqualTo(PromotionStatus.SPECIAL_CIRCUMSTANCES);
        assertThat(decided.probationEndsOn()).isNull();
    }

    @Test
    void r32_aTrainingWithinTheWindowConfirmedAfterTheCloseEndsTheOrgDepartmentsTask() {
        LocalDate effective = EngineClock.today().minusDays(380);
        long cadre = cadre("郑补确认");
        Promotion p = register(cadre, effective);
        ProcessInstance pi = instance(p);
        fireTimer(pi, BOUNDARY_WINDOW_CLOSED);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_HANDLE_OVERDUE);

        long k = appointmentClass(effective.plusDays(355), effective.plusDays(360));
        complete(k, cadre, "PASS");
        assertThat(promotions.reportCompletions(k)).isOne();
        assertEndedPassing(p, List.of(BOUNDARY_TRAINED_LATE, TASK_RECORD_TRAINING, END_TRAINED),
                List.of(GATEWAY_OVERDUE_DECISION));
        assertThat(promotions.find(p.id()).status()).isEqualTo(PromotionStatus.TRAINED);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void r32_aPromotionRecordedInTheRegistryIsWatchedToo() {
        long cadre = cadre("钱登记");
        LocalDate effective = EngineClock.today().minusDays(5);
        Actor org = new Actor(ORG, List.of(Groups.ORG_DEPT), null, null, null);
        lifeEvents.recordPromotion(cadre, "TOWNSHIP_PRINCIPAL", "综合科科长", effective, null, org);
        Promotion p = promotions.ofCadre(cadre).get(0);
        assertThat(p.toRank()).isEqualTo(Rank.TOWNSHIP_PRINCIPAL);
        assertThat(p.post()).isEqualTo("综合科科长");
        assertThat(p.registeredBy()).isEqualTo(ORG);
        ProcessInstance pi = instance(p);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_AWAIT_TRAINING).hasPassed(START_PROMOTION_RECORDED);
        assertThat(pi.getBusinessKey()).isEqualTo(p.cadreNumber());
    }

    @Test
    void r32_aPromotionDatedInTheFutureIsRefusedAndNothingIsKept() {
        long cadre = cadre("冯未来");
        String number = number(cadre);
        identityService.setAuthentication(ORG, List.of(Groups.ORG_DEPT));
        assertThatThrownBy(() -> promotions.start(new PromotionRequest(number, "TOWNSHIP_DEPUTY", null,
                EngineClock.today().plusDays(1), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("R32").hasMessageContaining("不能晚于今天");
        assertThatThrownBy(() -> promotions.start(new PromotionRequest(number, "STAFF", null, EngineClock.today(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("须高于现职级");
        identityService.clearAuthentication();
        assertThat(promotions.ofCadre(cadre)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(jdbc.sql("SELECT rank_level FROM cadre WHERE id = ?").param(cadre).query(String.class).single())
                .isEqualTo("STAFF");
    }

    private long cadre(String name) {
        long id = fixtures.cadre(unitId, Rank.STAFF);
        jdbc.sql("UPDATE cadre SET name = ? WHERE id = ?").params(name + SEQUENCE.get(), id).update();
        return id;
    }

    private String number(long cadreId) {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }

    /** Registers as the org department, the way the API and the start form do. */
    private Promotion register(long cadreId, LocalDate effectiveOn) {
        identityService.setAuthentication(ORG, List.of(Groups.ORG_DEPT));
        try {
            return promotions.start(new PromotionRequest(number(cadreId), "TOWNSHIP_DEPUTY", "副科长", effectiveOn, null));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The promotion's running process instance. */
    private ProcessInstance instance(Promotion p) {
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId(p))
                .singleResult();
        assertThat(running).as("running instance of promotion " + p.id()).isNotNull();
        return running;
    }

    private String processInstanceId(Promotion p) {
        return jdbc.sql("SELECT process_instance_id FROM promotion WHERE id = ?").param(p.id()).query(String.class).single();
    }

    /** The promotion's process instance ended, having passed these activities (and, if given, not those). */
    private void assertEndedPassing(Promotion p, List<String> passed, List<String> notPassed) {
        String id = processInstanceId(p);
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count()).as("ended").isOne();
        List<String> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream()
                .map(a -> a.getActivityId()).toList();
        assertThat(activities).containsAll(passed).doesNotContainAnyElementsOf(notPassed);
    }

    private long appointmentClass(LocalDate start, LocalDate end) {
        long k = fixtures.trainingClass("任职培训", start, end, true);
        jdbc.sql("UPDATE training_class SET class_type = 'APPOINTMENT' WHERE id = ?").param(k).update();
        return k;
    }

    private void complete(long classId, long cadreId, String grade) {
        fixtures.enroll(classId, cadreId, "COMPLETED", 40.0);
        jdbc.sql("UPDATE enrollment SET grade = ? WHERE class_id = ? AND cadre_id = ?").params(grade, classId, cadreId).update();
    }

    private Date timerDue(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult().getDuedate();
    }

    /** Moves the engine clock just past the timer's due date and fires it. */
    private void fireTimer(ProcessInstance pi, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult();
        assertThat(timer).as("timer of " + activityId).isNotNull();
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        }
        managementService.executeJob(timer.getId());
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private void complete(Task task, Map<String, Object> variables) {
        taskService.claim(task.getId(), ORG);
        try {
            taskService.complete(task.getId(), new HashMap<>(variables));
        } finally {
            if (taskService.createTaskQuery().taskId(task.getId()).count() == 1) {
                taskService.setAssignee(task.getId(), null);
            }
        }
    }
}
