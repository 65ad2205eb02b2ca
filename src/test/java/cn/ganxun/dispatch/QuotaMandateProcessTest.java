package cn.ganxun.dispatch;

import static cn.ganxun.dispatch.QuotaMandateProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** Every path of quota-mandate (R9, R10) and the roster phase of training-class, with the engine and GreenMail. */
@GanxunTest
@AlsoOnPostgres
class QuotaMandateProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired RosterService roster;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Mailbox mailbox;

    long unitId;
    String unitCode;
    String unitHr;
    long otherUnitId;
    String otherUnitCode;
    String otherUnitHr;
    List<Long> cadres;
    long classId;
    LocalDate start;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
        unitId = fixtures.unit("测试局");
        unitCode = code(unitId);
        unitHr = directory.user("hr-" + unitCode.toLowerCase(), Groups.UNIT_HR, Groups.unitHr(unitCode));
        directory.bindToUnit(unitHr, unitId);
        otherUnitId = fixtures.unit("另一局");
        otherUnitCode = code(otherUnitId);
        otherUnitHr = directory.user("hr-" + otherUnitCode.toLowerCase(), Groups.UNIT_HR, Groups.unitHr(otherUnitCode));
        directory.bindToUnit(otherUnitHr, otherUnitId);
        directory.user("quota-approver", Groups.APPROVER);
        directory.user("quota-org", Groups.ORG_DEPT);
        cadres = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cadres.add(fixtures.cadre(unitId, Rank.STAFF));
        }
        start = EngineClock.today().plusDays(60);
        classId = fixtures.trainingClass("依法行政" + unitCode, start, start.plusDays(34), true);
        fixtures.course(classId, "PARTY_THEORY", 40);
        mailbox.clear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- training-class with its roster phase --------------------------------------------------------

    @Test
    void r9_quotaSeatsAreNominatedAndTheRosterIsFinal() throws Exception {
        ProcessInstance lifecycle = runtimeService.startProcessInstanceByKey(TrainingClassProcess.KEY,
                fixtures.classNumber(classId), Map.of(TrainingClassProcess.Vars.CLASS_ID, classId));
        Task plan = taskService.createTaskQuery().processInstanceId(lifecycle.getId()).singleResult();
        assertThat(plan.getTaskDefinitionKey()).isEqualTo(TrainingClassProcess.Elements.TASK_PLAN_DISPATCH);
        assertThat((String) taskService.getVariable(plan.getId(), TrainingClassProcess.Vars.CLASS_SUMMARY))
                .contains(fixtures.classNumber(classId));
        identityService.setAuthentication("quota-org", List.of(Groups.ORG_DEPT));
        try {
            taskService.complete(plan.getId(), Map.of(
                    TrainingClassProcess.Vars.ENROLLMENT_DEADLINE, EngineClock.today().plusDays(20).toString(),
                    TrainingClassProcess.Vars.QUOTA_ALLOCATIONS, unitCode + "，2\n" + otherUnitCode + ",1",
                    TrainingClassProcess.Vars.REVIEW_NOMINATIONS, false));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(jdbc.sql("SELECT opened_by FROM class_roster WHERE class_id = ?").param(classId).query(String.class)
                .single()).isEqualTo("quota-org");

        List<ProcessInstance> quotas = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(QuotaMandateProcess.KEY).superProcessInstanceId(lifecycle.getId()).list();
        assertThat(quotas).hasSize(2);
        quotas.forEach(this::executeAsync);
        assertThat(mailbox.subjectsTo(directory.email(unitHr))).singleElement().asString().startsWith("【调训名额】");

        ProcessInstance ours = quotaOf(unitId, quotas);
        ProcessInstance theirs = quotaOf(otherUnitId, quotas);
        nominate(ours, unitHr, cadres.get(0), cadres.get(1));
        long otherCadre = fixtures.cadre(otherUnitId, Rank.STAFF);
        nominate(theirs, otherUnitHr, otherCadre);
        BpmnAwareTests.assertThat(ours).isEnded().hasPassed(TASK_CONFIRM_NOMINATIONS, END_QUOTA_FILLED);

        executeAsync(lifecycle);
        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TrainingClassProcess.Elements.EVENT_CLASS_ENDED);
        assertThat(jdbc.sql("SELECT cadre_id FROM enrollment WHERE class_id = ? AND status = 'ENROLLED'").param(classId)
                .query(Long.class).list()).containsExactlyInAnyOrder(cadres.get(0), cadres.get(1), otherCadre);
        assertThat(runtimeService.getVariable(lifecycle.getId(), TrainingClassProcess.Vars.ENROLLED_COUNT)).isEqualTo(3);
    }

    @Test
    void r8_r9_mixedClassRosterIsFinalOnceNamedAndQuotaMandatesAreSettled() {
        jdbc.sql("UPDATE training_class SET dispatch_mode = 'MIXED' WHERE id = ?").param(classId).update();
        String namedNumber = jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadres.get(3))
                .query(String.class).single();
        ProcessInstance lifecycle = runtimeService.startProcessInstanceByKey(TrainingClassProcess.KEY,
                fixtures.classNumber(classId), Map.of(TrainingClassProcess.Vars.CLASS_ID, classId));
        Task plan = taskService.createTaskQuery().processInstanceId(lifecycle.getId()).singleResult();
        taskService.complete(plan.getId(), Map.of(
                TrainingClassProcess.Vars.ENROLLMENT_DEADLINE, EngineClock.today().plusDays(20).toString(),
                TrainingClassProcess.Vars.NAMED_CADRES, namedNumber,
                TrainingClassProcess.Vars.QUOTA_ALLOCATIONS, unitCode + "，1"));

        ProcessInstance named = runtimeService.createProcessInstanceQuery().processDefinitionKey(NamedMandateProcess.KEY)
                .superProcessInstanceId(lifecycle.getId()).singleResult();
        ProcessInstance quota = runtimeService.createProcessInstanceQuery().processDefinitionKey(QuotaMandateProcess.KEY)
                .superProcessInstanceId(lifecycle.getId()).singleResult();
        executeAsync(named);
        executeAsync(quota);

        Task confirm = taskService.createTaskQuery().processInstanceId(named.getId())
                .taskDefinitionKey(NamedMandateProcess.Elements.TASK_CONFIRM_MANDATE).taskCandidateUser(unitHr).singleResult();
        taskService.claim(confirm.getId(), unitHr);
        complete(confirm, Map.of(NamedMandateProcess.Vars.UNIT_DECISION, "CONFIRM"));
        Task acknowledge = taskService.createTaskQuery().processInstanceId(named.getId())
                .taskDefinitionKey(NamedMandateProcess.Elements.TASK_ACKNOWLEDGE_MANDATE).singleResult();
        taskService.claim(acknowledge.getId(), unitHr);
        complete(acknowledge, Map.of(NamedMandateProcess.Vars.ACKNOWLEDGED, true));
        executeAsync(named);
        BpmnAwareTests.assertThat(named).isEnded();
        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TrainingClassProcess.Elements.CALL_QUOTA_MANDATES);

        nominate(quota, unitHr, cadres.get(0));
        executeAsync(lifecycle);
        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TrainingClassProcess.Elements.EVENT_CLASS_ENDED);
        assertThat(jdbc.sql("SELECT cadre_id FROM enrollment WHERE class_id = ? AND status = 'ENROLLED'").param(classId)
                .query(Long.class).list()).containsExactlyInAnyOrder(cadres.get(3), cadres.get(0));
    }

    @Test
    void aSeatPlanThatDoesNotFitIsRefusedAndNothingIsWritten() {
        ProcessInstance lifecycle = runtimeService.startProcessInstanceByKey(TrainingClassProcess.KEY,
                fixtures.classNumber(classId), Map.of(TrainingClassProcess.Vars.CLASS_ID, classId));
        Task plan = taskService.createTaskQuery().processInstanceId(lifecycle.getId()).singleResult();
        assertThatThrownBy(() -> taskService.complete(plan.getId(), Map.of(
                TrainingClassProcess.Vars.ENROLLMENT_DEADLINE, EngineClock.today().minusDays(1).toString(),
                TrainingClassProcess.Vars.QUOTA_ALLOCATIONS, unitCode + "，31\nNOPE，1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("单位代码不存在：NOPE");
        assertThatThrownBy(() -> taskService.complete(plan.getId(), Map.of(
                TrainingClassProcess.Vars.ENROLLMENT_DEADLINE, EngineClock.today().minusDays(1).toString(),
                TrainingClassProcess.Vars.QUOTA_ALLOCATIONS, unitCode + "，31")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("报名截止时间已过")
                .hasMessageContaining("超过计划参训人数（30）");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM class_roster WHERE class_id = ?").param(classId).query(Long.class).single())
                .isZero();
        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TrainingClassProcess.Elements.TASK_PLAN_DISPATCH);
    }

    // ---- quota-mandate paths ---------------------------------------------------------------------------

    @Test
    void r9_unitHrOfAnotherUnitNeitherSeesNorCompletesTheNomination() {
        ProcessInstance quota = startQuota(2, false);
        assertThat(taskService.createTaskQuery().taskCandidateUser(unitHr).processInstanceId(quota.getId()).count()).isOne();
        assertThat(taskService.createTaskQuery().taskCandidateUser(otherUnitHr).processInstanceId(quota.getId()).count())
                .isZero();
        Task task = taskService.createTaskQuery().processInstanceId(quota.getId()).singleResult();
        taskService.claim(task.getId(), otherUnitHr);
        assertThatThrownBy(() -> complete(task, Map.of(QuotaMandateProcess.Vars.NOMINEE_IDS,
                ids(cadres.get(0), cadres.get(1)))))
                .hasMessageContaining("只能为本单位推荐");
    }

    @Test
    void r9_exactlyTheAllottedNumberFromTheOwnUnit() {
        ProcessInstance quota = startQuota(2, false);
        Task task = nominationTask(quota);
        taskService.claim(task.getId(), unitHr);
        assertThatThrownBy(() -> complete(task, Map.of(QuotaMandateProcess.Vars.NOMINEE_IDS, ids(cadres.get(0)))))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("须推荐恰好 2 人");
        long stranger = fixtures.cadre(otherUnitId, Rank.STAFF);
        taskService.claim(task.getId(), unitHr);
        assertThatThrownBy(() -> complete(task, Map.of(QuotaMandateProcess.Vars.NOMINEE_IDS, ids(cadres.get(0), stranger))))
                .hasMessageContaining("R9");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM nomination WHERE class_id = ?").param(classId).query(Long.class).single())
                .isZero();
    }

    @Test
    void r10_overlappingClassBlocksTheNominationAndNamesTheClass() {
        long busy = fixtures.trainingClass("另一主题", start.plusDays(10), start.plusDays(12), true);
        fixtures.enroll(busy, cadres.get(0), "ENROLLED", null);
        ProcessInstance quota = startQuota(2, false);
        Task task = nominationTask(quota);
        taskService.claim(task.getId(), unitHr);
        assertThatThrownBy(() -> complete(task, Map.of(QuotaMandateProcess.Vars.NOMINEE_IDS, ids(cadres.get(0), cadres.get(1)))))
                .hasMessageContaining("R10").hasMessageContaining(fixtures.classNumber(busy));
        assertThat(nominationTask(quota)).isNotNull();
    }

    @Test
    void r10_secondLongOffJobTrainingIsOverriddenByTheApproverWithAReason() {
        long earlier = fixtures.trainingClass("早前进修", start.minusYears(2), start.minusYears(2).plusDays(40), true);
        fixtures.enroll(earlier, cadres.get(0), "COMPLETED", 200.0);
        ProcessInstance quota = startQuota(2, false);
        nominate(quota, unitHr, cadres.get(0), cadres.get(1));
        Task review = taskService.createTaskQuery().processInstanceId(quota.getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_BREACHES);
        assertThat((String) taskService.getVariable(review.getId(), QuotaMandateProcess.Vars.QUOTA_SUMMARY))
                .contains("R10", "须特批", fixtures.classNumber(earlier));
        taskService.claim(review.getId(), "quota-approver");
        complete(review, Map.of(QuotaMandateProcess.Vars.OVERRIDE_DECISION, "OVERRIDE",
                QuotaMandateProcess.Vars.OVERRIDE_REASON, "岗位急需，经部务会研究同意"));
        BpmnAwareTests.assertThat(quota).isEnded().hasPassed(TASK_CONFIRM_NOMINATIONS);
        assertThat(jdbc.sql("SELECT override_reason FROM nomination WHERE class_id = ? AND cadre_id = ?")
                .params(classId, cadres.get(0)).query(String.class).single()).isEqualTo("岗位急需，经部务会研究同意");
    }

    @Test
    void r10_refusedOverrideSendsTheUnitBackToNominateForTheFreedSeat() {
        long earlier = fixtures.trainingClass("早前进修", start.minusYears(2), start.minusYears(2).plusDays(40), true);
        fixtures.enroll(earlier, cadres.get(0), "COMPLETED", 200.0);
        ProcessInstance quota = startQuota(2, false);
        nominate(quota, unitHr, cadres.get(0), cadres.get(1));
        Task review = taskService.createTaskQuery().processInstanceId(quota.getId()).singleResult();
        taskService.claim(review.getId(), "quota-approver");
        complete(review, Map.of(QuotaMandateProcess.Vars.OVERRIDE_DECISION, "REFUSE"));

        Task again = nominationTask(quota);
        assertThat(again).isNotNull();
        nominate(quota, unitHr, cadres.get(2));
        BpmnAwareTests.assertThat(quota).isEnded();
        assertThat(activeNominees()).containsExactlyInAnyOrder(cadres.get(1), cadres.get(2));
    }

    @Test
    void orgDepartmentReviewSendsNominationsBackThenAccepts() {
        ProcessInstance quota = startQuota(1, true);
        nominate(quota, unitHr, cadres.get(0));
        Task review = taskService.createTaskQuery().processInstanceId(quota.getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_NOMINATIONS);
        taskService.claim(review.getId(), "quota-org");
        complete(review, Map.of(QuotaMandateProcess.Vars.REVIEW_DECISION, "SEND_BACK",
                QuotaMandateProcess.Vars.REVIEW_COMMENT, "请优先推荐红灯干部"));
        assertThat(activeNominees()).isEmpty();
        nominate(quota, unitHr, cadres.get(3));
        Task second = taskService.createTaskQuery().processInstanceId(quota.getId()).singleResult();
        taskService.claim(second.getId(), "quota-org");
        complete(second, Map.of(QuotaMandateProcess.Vars.REVIEW_DECISION, "ACCEPT"));
        BpmnAwareTests.assertThat(quota).isEnded();
        assertThat(activeNominees()).containsExactly(cadres.get(3));
    }

    @Test
    void unitIsRemindedBeforeTheDeadline() throws Exception {
        ProcessInstance quota = startQuota(1, false);
        Task task = nominationTask(quota);
        ClockUtil.setCurrentTime(new Date(task.getFollowUpDate().getTime() + 1000));
        executeTimer(quota, BOUNDARY_REMINDER);
        executeAsync(quota);
        assertThat(mailbox.subjectsTo(directory.email(unitHr))).anySatisfy(s -> assertThat(s).startsWith("【推荐即将截止】"));
        assertThat(nominationTask(quota)).isNotNull();
    }

    @Test
    void expiredQuotaIsExtended() {
        ProcessInstance quota = startQuota(1, false);
        Task expired = passDeadline(quota);
        complete(expired, Map.of(QuotaMandateProcess.Vars.EXPIRED_DECISION, "EXTEND",
                QuotaMandateProcess.Vars.NEW_DEADLINE, EngineClock.today().plusDays(10).toString()));
        executeAsync(quota);
        Task again = nominationTask(quota);
        assertThat(again.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        nominate(quota, unitHr, cadres.get(0));
        BpmnAwareTests.assertThat(quota).isEnded();
    }

    @Test
    void expiredQuotaIsReassignedToAnotherUnit() {
        ProcessInstance quota = startQuota(1, false);
        Task expired = passDeadline(quota);
        complete(expired, Map.of(QuotaMandateProcess.Vars.EXPIRED_DECISION, "REASSIGN",
                QuotaMandateProcess.Vars.NEW_DEADLINE, EngineClock.today().plusDays(10).toString(),
                QuotaMandateProcess.Vars.TARGET_UNIT_CODE, otherUnitCode));
        executeAsync(quota);
        assertThat(taskService.createTaskQuery().taskCandidateUser(otherUnitHr).processInstanceId(quota.getId()).count())
                .isOne();
        long theirCadre = fixtures.cadre(otherUnitId, Rank.STAFF);
        nominate(quota, otherUnitHr, theirCadre);
        BpmnAwareTests.assertThat(quota).isEnded();
        assertThat(jdbc.sql("SELECT status FROM quota_allocation WHERE class_id = ? AND unit_id = ?")
                .params(classId, unitId).query(String.class).single()).isEqualTo("REASSIGNED");
        assertThat(activeNominees()).containsExactly(theirCadre);
    }

    @Test
    void expiredQuotaIsLeftEmpty() {
        ProcessInstance quota = startQuota(1, false);
        Task expired = passDeadline(quota);
        complete(expired, Map.of(QuotaMandateProcess.Vars.EXPIRED_DECISION, "LEAVE_EMPTY"));
        BpmnAwareTests.assertThat(quota).isEnded().hasPassed(END_SEATS_LEFT_EMPTY);
        assertThat(roster.finalise(classId)).isZero();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private ProcessInstance startQuota(int seats, boolean review) {
        roster.open(classId, new RosterPlan(EngineClock.now().plusDays(20), List.of(),
                List.of(new RosterPlan.UnitSeats(unitId, seats)), review), "quota-org");
        long allocationId = roster.allocationIds(classId).get(0);
        ProcessInstance quota = runtimeService.startProcessInstanceByKey(QuotaMandateProcess.KEY,
                Map.of(QuotaMandateProcess.Vars.CLASS_ID, classId, QuotaMandateProcess.Vars.ALLOCATION_ID, allocationId));
        executeAsync(quota);
        return quota;
    }

    private Task passDeadline(ProcessInstance quota) {
        Task task = nominationTask(quota);
        ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + 1000));
        executeTimer(quota, BOUNDARY_DEADLINE_PASSED);
        Task expired = taskService.createTaskQuery().processInstanceId(quota.getId()).singleResult();
        assertThat(expired.getTaskDefinitionKey()).isEqualTo(TASK_HANDLE_EXPIRED);
        assertThat(taskService.createTaskQuery().taskId(expired.getId()).taskCandidateGroup(Groups.ORG_DEPT).count()).isOne();
        taskService.claim(expired.getId(), "quota-org");
        return expired;
    }

    private void nominate(ProcessInstance quota, String hr, Long... cadreIds) {
        Task task = nominationTask(quota);
        assertThat(task).as("nomination task").isNotNull();
        assertThat(taskService.getVariable(task.getId(), QuotaMandateProcess.Vars.CANDIDATE_OPTIONS)).isNotNull();
        taskService.claim(task.getId(), hr);
        complete(task, Map.of(QuotaMandateProcess.Vars.NOMINEE_IDS, ids(cadreIds)));
    }

    private void complete(Task task, Map<String, Object> variables) {
        try {
            taskService.complete(task.getId(), new HashMap<>(variables));
        } finally {
            if (taskService.createTaskQuery().taskId(task.getId()).count() == 1) {
                taskService.setAssignee(task.getId(), null);
            }
        }
    }

    /** The checklist's value as Tasklist submits it: a Json array of id strings. */
    private static Object ids(Long... cadreIds) {
        return SpinValues.jsonValue(Spin.JSON(Arrays.stream(cadreIds).map(String::valueOf).toList()).toString()).create();
    }

    private Task nominationTask(ProcessInstance quota) {
        return taskService.createTaskQuery().processInstanceId(quota.getId()).taskDefinitionKey(TASK_NOMINATE_CADRES)
                .singleResult();
    }

    private List<Long> activeNominees() {
        return jdbc.sql("SELECT cadre_id FROM nomination WHERE class_id = ? AND status = 'ACTIVE'").param(classId)
                .query(Long.class).list();
    }

    private ProcessInstance quotaOf(long unit, List<ProcessInstance> quotas) {
        long allocationId = jdbc.sql("SELECT id FROM quota_allocation WHERE class_id = ? AND unit_id = ?")
                .params(classId, unit).query(Long.class).single();
        return quotas.stream().filter(q -> Long.valueOf(allocationId)
                .equals(runtimeService.getVariable(q.getId(), QuotaMandateProcess.Vars.ALLOCATION_ID))).findFirst().orElseThrow();
    }

    private void executeAsync(ProcessInstance instance) {
        for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
            managementService.executeJob(job.getId());
        }
    }

    private void executeTimer(ProcessInstance instance, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
        managementService.executeJob(timer.getId());
    }

    private String code(long unit) {
        return jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unit).query(String.class).single();
    }
}
