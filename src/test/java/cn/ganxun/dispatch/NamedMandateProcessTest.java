package cn.ganxun.dispatch;

import static cn.ganxun.dispatch.NamedMandateProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
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

import cn.ganxun.cadres.Rank;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.dispatch.MandateDecision.Action;
import cn.ganxun.dispatch.NamedMandateProcess.Vars;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;
import jakarta.mail.internet.MimeMessage;

/**
 * Every path of named-mandate (点名调训, R8), end to end with the engine, GreenMail and the Ganxun tables. Each test
 * has its own unit, cadres and a ten-day off-the-job class starting in 40 days whose roster closes in 20 days.
 */
@GanxunTest
@AlsoOnPostgres
class NamedMandateProcessTest {

    private static final String APPROVER = "approver-nm";
    private static final String ORG_STAFF = "orgstaff-nm";
    private static final String TOPIC = "点名调训测试主题";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired NamedMandateService mandates;
    @Autowired NamedMandateNotifications notifications;
    @Autowired UnitRepository units;
    @Autowired TestDirectory directory;
    @Autowired TrainingFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Mailbox mailbox;

    long unitId;
    String unitCode;
    String unitHr;
    long cadreId;
    long classId;
    LocalDateTime deadline;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
        directory.user(APPROVER, Groups.APPROVER);
        directory.user(ORG_STAFF, Groups.ORG_DEPT);
        unitId = fixtures.unit("点名测试单位");
        unitCode = units.findById(unitId).orElseThrow().code();
        unitHr = directory.user("hr-" + unitCode.toLowerCase(), Groups.UNIT_HR, Groups.unitHr(unitCode));
        directory.bindToUnit(unitHr, unitId);
        cadreId = fixtures.cadre(unitId, Rank.COUNTY_PRINCIPAL);
        LocalDate start = EngineClock.today().plusDays(40);
        classId = fixtures.trainingClass(TOPIC, start, start.plusDays(9), true);
        deadline = EngineClock.today().plusDays(20).atTime(18, 0);
        jdbc.sql("INSERT INTO class_roster (class_id, seats, seats_taken, enrollment_deadline, status, opened_by, opened_at) "
                        + "VALUES (?, 30, 0, ?, 'OPEN', ?, ?)")
                .params(classId, Timestamp.valueOf(deadline), ORG_STAFF, Timestamp.valueOf(EngineClock.now())).update();
        mailbox.clear();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    // ---- confirmation ------------------------------------------------------------------------------------

    @Test
    void r8_unitConfirmsAndHrAcknowledgesForACadreWithoutAccount() throws Exception {
        long mandateId = mandate(cadreId);
        ProcessInstance instance = start(mandateId);

        BpmnAwareTests.assertThat(instance).hasPassed(TASK_PREPARE_MANDATE, TASK_CHECK_MANDATE_RULES, TASK_NOMINATE_CADRE)
                .hasNotPassed(TASK_REVIEW_BREACHES).isWaitingAt(TASK_NOTIFY_MANDATE);
        assertThat(nominationStatuses(mandateId)).containsExactly(tuple(cadreId, "ACTIVE"));
        assertThat(seatsTaken()).isEqualTo(1);
        executeJob(instance);
        assertThat(mailbox.subjectsTo(directory.email(unitHr))).containsExactly("【点名调训】" + classTitle());

        Task confirm = task(instance, TASK_CONFIRM_MANDATE);
        assertThat(candidateGroups(confirm)).containsExactly(Groups.unitHr(unitCode));
        assertThat(confirm.getDueDate()).isEqualTo(EngineClock.toDate(deadline));
        assertThat(confirm.getFollowUpDate()).isBefore(confirm.getDueDate());
        assertThat(summary(confirm)).as("the unit's only cadre away: an R10 warning that stops nothing")
                .contains(cadreNumber(cadreId), fixtures.classNumber(classId), "点名测试单位", "R10【提醒】", "不宜过度调训");

        complete(confirm, unitHr, Map.of(Vars.UNIT_DECISION, "CONFIRM"));

        Task acknowledge = task(instance, TASK_ACKNOWLEDGE_MANDATE);
        assertThat(candidateGroups(acknowledge)).containsExactly(Groups.unitHr(unitCode));
        assertThat(candidateUsers(acknowledge)).isEmpty();
        assertThatThrownBy(() -> complete(acknowledge, unitHr, Map.of(Vars.ACKNOWLEDGED, false)))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("请确认已知悉参训通知");
        complete(acknowledge, unitHr, Map.of(Vars.ACKNOWLEDGED, true));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_MANDATE_SETTLED);
        assertThat(mandates.find(mandateId).status()).isEqualTo("CONFIRMED");
        assertThat(nominationStatuses(mandateId)).containsExactly(tuple(cadreId, "ACTIVE"));
        assertThat(mandates.decisions(mandateId))
                .extracting(MandateDecision::action, MandateDecision::cadreId, MandateDecision::actor)
                .containsExactly(tuple(Action.CONFIRMED_BY_UNIT, cadreId, unitHr), tuple(Action.ACKNOWLEDGED, cadreId, unitHr));
        assertThat(mandates.decisions(mandateId).get(1).reason()).contains("代为确认");
    }

    @Test
    void r8_cadreWithAnAccountAcknowledgesThemself() throws Exception {
        String trainee = directory.user("trainee-" + cadreNumber(cadreId).toLowerCase(), Groups.TRAINEE);
        directory.bindToCadre(trainee, cadreId);
        long mandateId = mandate(cadreId);
        ProcessInstance instance = start(mandateId);
        executeJob(instance);
        assertThat(mailbox.subjectsTo(directory.email(trainee))).containsExactly("【点名调训】" + classTitle());
        complete(task(instance, TASK_CONFIRM_MANDATE), unitHr, Map.of(Vars.UNIT_DECISION, "CONFIRM"));

        Task acknowledge = task(instance, TASK_ACKNOWLEDGE_MANDATE);
        assertThat(candidateUsers(acknowledge)).containsExactly(trainee);
        assertThat(candidateGroups(acknowledge)).isEmpty();
        assertThat(taskService.createTaskQuery().taskCandidateUser(unitHr).processInstanceId(instance.getId()).count())
                .isZero();
        complete(acknowledge, trainee, Map.of(Vars.ACKNOWLEDGED, true));

        assertThat(mandates.find(mandateId).status()).isEqualTo("CONFIRMED");
        MandateDecision acknowledged = mandates.decisions(mandateId).get(1);
        assertThat(acknowledged.action()).isEqualTo(Action.ACKNOWLEDGED);
        assertThat(acknowledged.actor()).isEqualTo(trainee);
        assertThat(acknowledged.reason()).isNull();
    }

    @Test
    void noticeIsSentOnceEvenWhenTheStepRunsAgain() throws Exception {
        long mandateId = mandate(cadreId);
        ProcessInstance instance = start(mandateId);
        executeJob(instance);
        assertThat(notifications.notifyCadreAndUnit(mandateId)).isZero();
        assertThat(mailbox.subjectsTo(directory.email(unitHr))).hasSize(1);
    }

    // ---- substitution ------------------------------------------------------------------------------------

    @Test
    void r8_approvedSubstituteIsCheckedAndNominatedAndTheNamedCadreWithdrawn() throws Exception {
        long substitute = fixtures.cadre(unitId, Rank.COUNTY_DEPUTY);
        long mandateId = mandate(cadreId);
        ProcessInstance instance = start(mandateId);
        executeJob(instance);

        requestSubstitution(instance, cadreNumber(substitute), "被点名干部承担防汛抢险任务，无法脱产");
        assertThat(mandates.find(mandateId).status()).isEqualTo("SUBSTITUTION_REQUESTED");
        Task review = task(instance, TASK_REVIEW_SUBSTITUTION);
        assertThat(candidateGroups(review)).containsExactly(Groups.APPROVER);
        assertThat(summary(review)).contains("替换申请", cadreNumber(substitute), "防汛抢险", "替换人选调训规则核验");

        complete(review, APPROVER, Map.of(Vars.SUBSTITUTION_DECISION, "APPROVE", Vars.SUBSTITUTION_COMMENT, "情况属实"));

        NamedMandate substituted = mandates.find(mandateId);
        assertThat(substituted.cadreId()).isEqualTo(substitute);
        assertThat(substituted.originalCadreId()).isEqualTo(cadreId);
        assertThat(substituted.status()).isEqualTo("NOTIFIED");
        assertThat(nominationStatuses(mandateId)).containsExactly(tuple(cadreId, "WITHDRAWN"), tuple(substitute, "ACTIVE"));
        assertThat(seatsTaken()).isEqualTo(1);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(TASK_CHECK_MANDATE_RULES).count()).isEqualTo(2);
        executeJob(instance);
        assertThat(mailbox.subjectsTo(directory.email(unitHr))).hasSize(2);

        Task acknowledge = task(instance, TASK_ACKNOWLEDGE_MANDATE);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(TASK_CONFIRM_MANDATE).count()).as("the unit chose the substitute: no second confirmation")
                .isEqualTo(1);
        assertThat(summary(acknowledge)).contains(cadreNumber(substitute), "原点名干部：", cadreNumber(cadreId));
        complete(acknowledge, unitHr, Map.of(Vars.ACKNOWLEDGED, true));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_MANDATE_SETTLED);
        assertThat(mandates.find(mandateId).status()).isEqualTo("CONFIRMED");
        assertThat(mandates.decisions(mandateId))
                .extracting(MandateDecision::action, MandateDecision::cadreId, MandateDecision::actor,
                        MandateDecision::substituteCadreId)
                .containsExactly(tuple(Action.SUBSTITUTION_REQUESTED, cadreId, unitHr, substitute),
                        tuple(Action.SUBSTITUTION_APPROVED, cadreId, APPROVER, substitute),
                        tuple(Action.ACKNOWLEDGED, substitute, unitHr, null));
        assertThat(mandates.decisions(mandateId).get(0).reason()).isEqualTo("被点名干部承担防汛抢险任务，无法脱产");
    }

    @Test
    void r8_refusedSubstitutionKeepsTheNamedCadre() throws Exception {
        long substitute = fixtures.cadre(unitId, Rank.COUNTY_DEPUTY);
        long mandateId = mandate(cadreId);
        ProcessInstance instance = start(mandateId);
        executeJob(instance);
        requestSubstitution(instance, cadreNumber(substitute), "工作繁忙");

        Task review = task(instance, TASK_REVIEW_SUBSTITUTION);
        assertThatThrownBy(() -> complete(review, APPROVER, Map.of(Vars.SUBSTITUTION_DECISION, "REFUSE")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("R8：不同意替换须填写意见");
        complete(task(instance, TASK_REVIEW_SUBSTITUTION), APPROVER,
                Map.of(Vars.SUBSTITUTION_DECISION, "REFUSE", Vars.SUBSTITUTION_COMMENT, "工作繁忙不属于特殊情况"));

        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_ACKNOWLEDGE_MANDATE);
        NamedMandate kept = mandates.find(mandateId);
        assertThat(kept.cadreId()).isEqualTo(cadreId);
        assertThat(kept.status()).isEqualTo("NOTIFIED");
        assertThat(nominationStatuses(mandateId)).containsExactly(tuple(cadreId, "ACTIVE"));
        assertThat(mandates.decisions(mandateId)).extracting(MandateDecision::action, MandateDecision::actor,
                MandateDecision::reason).last().isEqualTo(tuple(Action.SUBSTITUTION_REFUSED, APPROVER, "工作繁忙不属于特殊情况"));

        complete(task(instance, TASK_ACKNOWLEDGE_MANDATE), unitHr, Map.of(Vars.ACKNOWLEDGED, true));
        assertThat(mandates.find(mandateId).status()).isEqualTo("CONFIRMED");
    }

    @Test
    void r8_r1_r10_substituteMustBeAnActiveCadreOfTheUnitThatTheRulesAllow() throws Exception {
        long retired = fixtures.retiredCadre(unitId);
        long stranger = fixtures.cadre(fixtures.unit("另一单位"), Rank.STAFF);
        long busy = fixtures.cadre(unitId, Rank.STAFF);
        LocalDate start = EngineClock.today().plusDays(42);
        long overlapping = fixtures.trainingClass("其他主题", start, start.plusDays(3), false);
        fixtures.enroll(overlapping, busy, "ENROLLED", null);
        long mandateId = mandate(cadreId);
        ProcessInstance instance = start(mandateId);
        executeJob(instance);

        assertThatThrownBy(() -> requestSubstitution(instance, "FX-NO-SUCH", "病假"))
                .hasMessageContaining("干部编号不存在：FX-NO-SUCH");
        assertThatThrownBy(() -> requestSubstitution(instance, cadreNumber(fixtures.cadre(unitId, Rank.STAFF)), " "))
                .hasMessageContaining("R8：申请替换须说明特殊情况");
        assertThatThrownBy(() -> requestSubstitution(instance, cadreNumber(cadreId), "病假"))
                .hasMessageContaining("不能是被点名干部本人");
        assertThatThrownBy(() -> requestSubstitution(instance, cadreNumber(retired), "病假"))
                .hasMessageContaining("R1：");
        assertThatThrownBy(() -> requestSubstitution(instance, cadreNumber(stranger), "病假"))
                .hasMessageContaining("R8：").hasMessageContaining("另一单位");
        assertThatThrownBy(() -> requestSubstitution(instance, cadreNumber(busy), "病假"))
                .hasMessageContaining("R10：").hasMessageContaining(fixtures.classNumber(overlapping));

        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_CONFIRM_MANDATE);
        assertThat(mandates.find(mandateId).status()).isEqualTo("NOTIFIED");
        assertThat(mandates.decisions(mandateId)).isEmpty();
    }

    // ---- rule checks -------------------------------------------------------------------------------------

    @Test
    void r1_retiredCadreIsWithdrawnAndTheOrgDepartmentTold() throws Exception {
        long retired = fixtures.retiredCadre(unitId);
        long mandateId = mandate(retired);
        ProcessInstance instance = start(mandateId);

        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_NOTIFY_ORG_DEPT_OF_BLOCK).hasNotPassed(TASK_NOMINATE_CADRE);
        assertThat(mandates.find(mandateId).status()).isEqualTo("WITHDRAWN");
        assertThat(nominationStatuses(mandateId)).isEmpty();
        executeJob(instance);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_MANDATE_BLOCKED);
        List<MimeMessage> mails = mailbox.to(directory.email(ORG_STAFF));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).startsWith("【点名调训不符合规则】");
        assertThat(Mailbox.bodyOf(mails.get(0))).contains(cadreNumber(retired), "R1：", "已退休");
        assertThat(mandates.decisions(mandateId)).extracting(MandateDecision::action, MandateDecision::actor)
                .containsExactly(tuple(Action.RULES_BLOCKED, NamedMandateService.RULE_CHECK));
        assertThat(mailbox.subjectsTo(directory.email(unitHr))).isEmpty();
    }

    @Test
    void r10_cadreInAnOverlappingClassIsWithdrawn() throws Exception {
        LocalDate start = EngineClock.today().plusDays(45);
        long overlapping = fixtures.trainingClass("其他主题", start, start.plusDays(2), false);
        fixtures.enroll(overlapping, cadreId, "ENROLLED", null);
        long mandateId = mandate(cadreId);
        ProcessInstance instance = start(mandateId);

        assertThat(mandates.find(mandateId).status()).isEqualTo("WITHDRAWN");
        executeJob(instance);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_MANDATE_BLOCKED);
        assertThat(Mailbox.bodyOf(mailbox.to(directory.email(ORG_STAFF)).get(0)))
                .contains("R10：", fixtures.classNumber(overlapping), "时间重叠");
        assertThat(seatsTaken()).isZero();
    }

    @Test
    void r10_longOffJobTrainingWithinFiveYearsIsOverriddenWithAReason() throws Exception {
        long longClass = longOffJobClass();
        LocalDate earlier = EngineClock.today().minusYears(2);
        long previous = fixtures.trainingClass("往期主题", earlier, earlier.plusDays(34), true);
        fixtures.enroll(previous, cadreId, "COMPLETED", 180.0);
        long mandateId = jdbcMandate(longClass, cadreId);
        ProcessInstance instance = start(mandateId, longClass);

        Task review = task(instance, TASK_REVIEW_BREACHES);
        assertThat(candidateGroups(review)).containsExactly(Groups.APPROVER);
        assertThat(summary(review)).contains("R10【须特批】", fixtures.classNumber(previous));
        assertThat(nominationStatuses(mandateId)).isEmpty();
        assertThatThrownBy(() -> complete(review, APPROVER, Map.of(Vars.OVERRIDE_DECISION, "OVERRIDE")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("R10：特批须填写理由");

        complete(task(instance, TASK_REVIEW_BREACHES), APPROVER,
                Map.of(Vars.OVERRIDE_DECISION, "OVERRIDE", Vars.OVERRIDE_REASON, "新任县委书记，须参加本期专题培训"));

        BpmnAwareTests.assertThat(instance).hasPassed(TASK_NOMINATE_CADRE).isWaitingAt(TASK_NOTIFY_MANDATE);
        Map<String, Object> nomination = jdbc.sql("SELECT status, needs_override, override_reason, overridden_by "
                + "FROM nomination WHERE mandate_id = ?").param(mandateId).query().singleRow();
        assertThat(nomination).containsEntry("STATUS", "ACTIVE").containsEntry("NEEDS_OVERRIDE", false)
                .containsEntry("OVERRIDE_REASON", "新任县委书记，须参加本期专题培训").containsEntry("OVERRIDDEN_BY", APPROVER);
        assertThat(jdbc.sql("SELECT b.rule_id FROM nomination_breach b JOIN nomination n ON n.id = b.nomination_id "
                + "WHERE n.mandate_id = ? AND b.code = 'LONG_OFF_JOB_WITHIN_FIVE_YEARS'").param(mandateId)
                .query(String.class).list()).containsExactly("R10");
        assertThat(mandates.decisions(mandateId)).extracting(MandateDecision::action, MandateDecision::actor,
                MandateDecision::reason).containsExactly(tuple(Action.OVERRIDDEN, APPROVER, "新任县委书记，须参加本期专题培训"));
    }

    @Test
    void r10_sameTopicWithinAYearRefusedWithdrawsTheMandate() {
        LocalDate earlier = EngineClock.today().minusMonths(6);
        long previous = fixtures.trainingClass(TOPIC, earlier, earlier.plusDays(4), true);
        fixtures.enroll(previous, cadreId, "COMPLETED", 40.0);
        long mandateId = mandate(cadreId);
        ProcessInstance instance = start(mandateId);

        Task review = task(instance, TASK_REVIEW_BREACHES);
        assertThat(summary(review)).contains("R10【须特批】", "同主题", fixtures.classNumber(previous));
        complete(review, APPROVER, Map.of(Vars.OVERRIDE_DECISION, "REFUSE"));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_OVERRIDE_REFUSED).hasNotPassed(TASK_NOMINATE_CADRE);
        assertThat(mandates.find(mandateId).status()).isEqualTo("WITHDRAWN");
        assertThat(nominationStatuses(mandateId)).isEmpty();
        assertThat(mandates.decisions(mandateId)).extracting(MandateDecision::action, MandateDecision::actor)
                .containsExactly(tuple(Action.OVERRIDE_REFUSED, APPROVER));
    }

    // ---- reminder and access -----------------------------------------------------------------------------

    @Test
    void unitHrIsRemindedBeforeTheDeadline() throws Exception {
        ProcessInstance instance = start(mandate(cadreId));
        executeJob(instance);
        mailbox.clear();
        Task confirm = task(instance, TASK_CONFIRM_MANDATE);

        ClockUtil.setCurrentTime(new Date(confirm.getFollowUpDate().getTime() + 1000));
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(BOUNDARY_CONFIRM_REMINDER).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(confirm.getFollowUpDate());
        managementService.executeJob(timer.getId());
        executeJob(instance);

        assertThat(mailbox.subjectsTo(directory.email(unitHr))).containsExactly("【点名调训确认即将截止】" + classTitle());
        BpmnAwareTests.assertThat(instance).hasPassed(END_UNIT_REMINDED).isWaitingAt(TASK_CONFIRM_MANDATE);
    }

    @Test
    void r8_unitHrOfAnotherUnitCannotSeeOrCompleteTheConfirmation() {
        long otherUnit = fixtures.unit("其他单位");
        String otherCode = units.findById(otherUnit).orElseThrow().code();
        String otherHr = directory.user("hr-" + otherCode.toLowerCase(), Groups.UNIT_HR, Groups.unitHr(otherCode));
        ProcessInstance instance = start(mandate(cadreId));
        executeJob(instance);
        Task confirm = task(instance, TASK_CONFIRM_MANDATE);

        assertThat(taskService.createTaskQuery().taskCandidateUser(otherHr).processInstanceId(instance.getId()).count())
                .isZero();
        assertThat(taskService.createTaskQuery().taskCandidateUser(unitHr).processInstanceId(instance.getId()).count())
                .isEqualTo(1);
        identityService.setAuthentication(otherHr, List.of(Groups.UNIT_HR, Groups.unitHr(otherCode)));
        try {
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThatThrownBy(() -> taskService.complete(confirm.getId(), Map.of(Vars.UNIT_DECISION, "CONFIRM")))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_CONFIRM_MANDATE);
        assertThat(mandates.decisions(mandateIdOf(instance))).isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private long mandate(long cadre) {
        return jdbcMandate(classId, cadre);
    }

    private long jdbcMandate(long forClass, long cadre) {
        jdbc.sql("INSERT INTO named_mandate (class_id, cadre_id, original_cadre_id, status, created_at, updated_at) "
                        + "VALUES (?, ?, ?, 'NOTIFIED', ?, ?)")
                .params(forClass, cadre, cadre, Timestamp.valueOf(EngineClock.now()), Timestamp.valueOf(EngineClock.now()))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM named_mandate WHERE class_id = ?").param(forClass).query(Long.class).single();
    }

    /** A 35-day off-the-job class (R10 "a month or longer") with its own open roster. */
    private long longOffJobClass() {
        LocalDate start = EngineClock.today().plusDays(60);
        long id = fixtures.trainingClass("县处级干部进修", start, start.plusDays(34), true);
        jdbc.sql("INSERT INTO class_roster (class_id, seats, seats_taken, enrollment_deadline, status, opened_by, opened_at) "
                        + "VALUES (?, 30, 0, ?, 'OPEN', ?, ?)")
                .params(id, Timestamp.valueOf(deadline), ORG_STAFF, Timestamp.valueOf(EngineClock.now())).update();
        return id;
    }

    private ProcessInstance start(long mandateId) {
        return start(mandateId, classId);
    }

    private ProcessInstance start(long mandateId, long forClass) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.CLASS_ID, forClass);
        variables.put(Vars.MANDATE_ID, mandateId);
        return runtimeService.startProcessInstanceByKey(NamedMandateProcess.KEY, fixtures.classNumber(forClass), variables);
    }

    private void requestSubstitution(ProcessInstance instance, String cadreNumber, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.UNIT_DECISION, "SUBSTITUTE");
        variables.put(Vars.SUBSTITUTE_CADRE_NUMBER, cadreNumber);
        variables.put(Vars.SUBSTITUTION_REASON, reason);
        complete(task(instance, TASK_CONFIRM_MANDATE), unitHr, variables);
    }

    /** Claims and completes the task as the user, logged in with their groups as in Tasklist. */
    private void complete(Task task, String userId, Map<String, Object> variables) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId())
                .toList();
        identityService.setAuthentication(userId, groups);
        try {
            taskService.claim(task.getId(), userId);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
            if (taskService.createTaskQuery().taskId(task.getId()).count() == 1) {
                taskService.setAssignee(task.getId(), null);
            }
        }
    }

    private Task task(ProcessInstance instance, String activityId) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
                .singleResult();
        assertThat(task).as("task " + activityId).isNotNull();
        return task;
    }

    private String summary(Task task) {
        return (String) taskService.getVariableLocal(task.getId(), Vars.MANDATE_SUMMARY);
    }

    private long mandateIdOf(ProcessInstance instance) {
        return (Long) runtimeService.getVariable(instance.getId(), Vars.MANDATE_ID);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private List<String> candidateUsers(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).toList();
    }

    private List<org.assertj.core.groups.Tuple> nominationStatuses(long mandateId) {
        return jdbc.sql("SELECT cadre_id, status FROM nomination WHERE mandate_id = ? ORDER BY id").param(mandateId)
                .query((rs, n) -> tuple(rs.getLong("cadre_id"), rs.getString("status"))).list();
    }

    private int seatsTaken() {
        return jdbc.sql("SELECT seats_taken FROM class_roster WHERE class_id = ?").param(classId).query(Integer.class).single();
    }

    private String cadreNumber(long cadre) {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadre).query(String.class).single();
    }

    private String classTitle() {
        return "测试班" + fixtures.classNumber(classId);
    }

    private void executeJob(ProcessInstance instance) {
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
        assertThat(job).as("an async job is waiting").isNotNull();
        managementService.executeJob(job.getId());
    }
}
