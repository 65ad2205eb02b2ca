package cn.ganxun.coverage;

import static cn.ganxun.coverage.CoverageWatchProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import cn.ganxun.cadres.Rank;
import cn.ganxun.classes.TrainingClassLifecycle;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.coverage.CoverageWatchProcess.Vars;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * coverage-watch (应训预警, R4–R8) with the engine and GreenMail, every path: the timer cycle (moved by the engine clock),
 * a run with red cadres (unit mails, the org department's task, refused and accepted proposal lines, proposals fed into
 * the class's 安排调训 and prefilled when that task is created later), a run without red cadres (mails, no task), and a
 * failed mail retried without a second copy.
 */
@GanxunTest
@AlsoOnPostgres
class CoverageWatchProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired CoverageWatchService watch;
    @Autowired MandateProposals proposals;
    @Autowired TrainingClassLifecycle lifecycle;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired Mailbox mailbox;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired JdbcClient jdbc;

    int smtpPort;
    long district;
    long unitA;
    long unitB;
    String hrA;
    String hrEmailA;
    long red1;
    long red2;
    long yellow;
    long openClass;
    ProcessInstance plan;

    /**
     * A district with two units: A has two untrained (red) cadres, one yellow and one retired; B only green cadres.
     * One open named-dispatch class waits at 安排调训.
     */
    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
        smtpPort = mailSender.getPort();
        district = fixtures.unit("预警测试区");
        unitA = fixtures.unit("预警测试甲局");
        unitB = fixtures.unit("预警测试乙局");
        jdbc.sql("UPDATE unit SET parent_id = ? WHERE id IN (?, ?)").params(district, unitA, unitB).update();
        hrEmailA = "hr-" + code(unitA).toLowerCase() + "@unit.test";
        jdbc.sql("UPDATE unit SET hr_email = ? WHERE id = ?").params(hrEmailA, unitA).update();
        hrA = directory.user("cw-hr-" + code(unitA).toLowerCase(), Groups.UNIT_HR, Groups.unitHr(code(unitA)));
        directory.bindToUnit(hrA, unitA);
        directory.user("cw-org", Groups.ORG_DEPT);
        red1 = fixtures.cadre(unitA, Rank.COUNTY_DEPUTY);
        red2 = fixtures.cadre(unitA, Rank.STAFF);
        yellow = fixtures.cadre(unitA, Rank.STAFF);
        fixtures.retiredCadre(unitA);
        long partyClass = fixtures.trainingClass("党性教育", EngineClock.today().minusYears(1).minusDays(4),
                EngineClock.today().minusYears(1), true);
        fixtures.course(partyClass, "PARTY_SPIRIT", 40);
        fixtures.enroll(partyClass, yellow, "COMPLETED", 40.0);
        for (int i = 0; i < 2; i++) {
            long green = fixtures.cadre(unitB, Rank.STAFF);
            long longClass = fixtures.trainingClass("理论轮训", EngineClock.today().minusYears(2).minusDays(60),
                    EngineClock.today().minusYears(2), true);
            fixtures.course(longClass, "PARTY_THEORY", 520);
            fixtures.enroll(longClass, green, "COMPLETED", 520.0);
        }
        openClass = openNamedClass(EngineClock.today().plusDays(60));
        lifecycle.open(openClass);
        plan = lifecycleOf(openClass);
        mailbox.clear();
    }

    @AfterEach
    void restore() {
        mailSender.setPort(smtpPort);
        ClockUtil.reset();
        identityService.clearAuthentication();
        // leave no open class or unfinished run behind for the other tests of this context
        runtimeService.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(plan.getId())).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test over"));
        runtimeService.createProcessInstanceQuery().processDefinitionKey(CoverageWatchProcess.KEY).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test over"));
    }

    @Test
    void r5_r7_r8_redCadresAreMailedToTheirUnitAndProposedIntoTheClasssPlan() throws Exception {
        ProcessInstance pi = startRun(district);
        CoverageWatchService.Run run = watch.run(runId(pi));
        assertThat(pi.getBusinessKey()).isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo("coverage-run-" + run.id());
        assertThat(run.cadres()).as("R1: the retired cadre is left out").isEqualTo(5);
        assertThat(run.red()).isEqualTo(2);
        assertThat(run.yellow()).isEqualTo(1);
        assertThat(run.green()).isEqualTo(2);
        assertThat(run.warnedUnitIds()).as("R7: only units with red or yellow cadres").containsExactly(unitA);

        // R7: one mail per unit, to the unit's HR address and to its HR group's members
        warnUnits(pi);
        assertThat(mailbox.to(hrEmailA)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("【应训预警】预警测试甲局：红灯2人，黄灯1人（截至" + EngineClock.today() + "）");
            assertThat(Mailbox.bodyOf(mail)).contains(number(red1), number(red2), number(yellow), "红灯", "黄灯",
                    "尚差460学时", "（R5）", "R6");
        });
        assertThat(mailbox.to(directory.email(hrA))).hasSize(1);

        // R5, R8: the org department's task lists the red cadres and the open class
        Task task = proposalTask(pi);
        assertThat(candidateGroups(task)).containsExactly(Groups.ORG_DEPT);
        assertThat(task.getDueDate()).as("due 14 days after the run (the task is created in the same step)").isCloseTo(
                EngineClock.toDate(LocalDateTime.ofInstant(task.getCreateTime().toInstant(), ZoneId.systemDefault()).plusDays(14)),
                1000);
        String info = (String) taskService.getVariable(task.getId(), Vars.FORM_INFO);
        assertThat(info).contains(number(red1), number(red2), fixtures.classNumber(openClass), "红灯 2 人")
                .doesNotContain(number(yellow));

        // a yellow cadre is refused with R5 named, and nothing is stored
        assertThatThrownBy(() -> complete(task, number(yellow) + "，" + fixtures.classNumber(openClass)))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第1行：R5：干部 " + number(yellow) + " 在本次预警中为黄灯");
        assertThat(proposalCount(run.id())).isZero();

        complete(task, number(red1) + "，" + fixtures.classNumber(openClass) + "\n\n" + number(red2) + ","
                + fixtures.classNumber(openClass));
        assertThat(proposalCount(run.id())).isEqualTo(2);
        assertThat(runtimeService.getVariable(pi.getId(), Vars.PROPOSAL_COUNT)).isEqualTo(2);

        // R8: fed into the class's 安排调训 as its named cadres, after the org department's own entries
        Task planTask = taskService.createTaskQuery().processInstanceId(plan.getId()).singleResult();
        taskService.setVariable(planTask.getId(), TrainingClassProcess.Vars.NAMED_CADRES, "C000001");
        executeJob(pi, TASK_FEED_PROPOSALS);
        assertThat(taskService.getVariable(planTask.getId(), TrainingClassProcess.Vars.NAMED_CADRES))
                .isEqualTo("C000001, " + number(red1) + ", " + number(red2));
        assertThat(jdbc.sql("SELECT status FROM coverage_proposal WHERE run_id = ?").param(run.id()).query(String.class)
                .list()).containsOnly("FED");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_UNITS_WARNED, END_MANDATES_PROPOSED)
                .hasNotPassed(END_NO_RED_CADRES);
    }

    @Test
    void r5_runWithoutRedCadresWarnsTheYellowUnitButGivesTheOrgDepartmentNoTask() throws Exception {
        jdbc.sql("UPDATE cadre SET status = 'RETIRED' WHERE id IN (?, ?)").params(red1, red2).update();

        ProcessInstance pi = startRun(district);

        assertThat(watch.run(runId(pi)).red()).isZero();
        assertThat(runtimeService.getVariable(pi.getId(), Vars.RED_COUNT)).isEqualTo(0);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        warnUnits(pi);
        assertThat(mailbox.subjectsTo(hrEmailA)).containsExactly(
                "【应训预警】预警测试甲局：红灯0人，黄灯1人（截至" + EngineClock.today() + "）");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_NO_RED_CADRES, END_UNITS_WARNED)
                .hasNotPassed(TASK_PROPOSE_MANDATES);
    }

    @Test
    void r1_r5_r8_r10_everyBadLineIsRefusedWithItsProblemAndNothingIsStored() throws Exception {
        long busy = fixtures.cadre(unitA, Rank.STAFF);
        long overlapping = fixtures.trainingClass("同期班", EngineClock.today().plusDays(61), EngineClock.today().plusDays(62),
                true);
        fixtures.enroll(overlapping, busy, "ENROLLED", null);
        long quotaClass = fixtures.trainingClass("名额班", EngineClock.today().plusDays(90), EngineClock.today().plusDays(94),
                true);
        lifecycle.open(quotaClass);
        ProcessInstance pi = startRun(district);
        // R1: red2 retires after the run
        jdbc.sql("UPDATE cadre SET status = 'RETIRED' WHERE id = ?").param(red2).update();
        Task task = proposalTask(pi);
        String k = fixtures.classNumber(openClass);

        assertThatThrownBy(() -> complete(task, String.join("\n",
                "FXC-NONE，" + k,
                number(yellow) + "，" + k,
                number(busy) + "，" + k,
                number(red2) + "，" + k,
                number(red1) + "，" + fixtures.classNumber(quotaClass),
                number(red1) + "，" + k + "，多余",
                number(red1))))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(
                        "第1行：干部编号不存在：FXC-NONE",
                        "第2行：R5：干部 " + number(yellow) + " 在本次预警中为黄灯，只有红灯干部列为点名调训对象",
                        "第3行：R10：与已报名的培训班" + fixtures.classNumber(overlapping),
                        "第4行：R1：",
                        "第5行：班次 " + fixtures.classNumber(quotaClass) + " 不是待安排调训的班次",
                        "第6行：应为“干部编号，班次编号”",
                        "第7行：应为“干部编号，班次编号”"));
        assertThat(proposalCount(runId(pi))).isZero();
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_PROPOSE_MANDATES);

        // a cadre is proposed once per run
        complete(task, number(red1) + "，" + k);
        assertThatThrownBy(() -> proposals.record(runId(pi), number(red1) + "，" + k, "cw-org"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已提出点名调训建议");
        runtimeService.deleteProcessInstance(lifecycleOf(quotaClass).getId(), "test over");
        assertThat(proposalCount(runId(pi))).isEqualTo(1);
    }

    @Test
    void r8_proposalsStoredBeforeThePlanTaskExistsArePrefilledWhenItIsCreated() throws Exception {
        ProcessInstance pi = startRun(district);
        complete(proposalTask(pi), number(red1) + "，" + fixtures.classNumber(openClass));
        // the class's lifecycle is started anew before the proposals are fed: there is no 安排调训 to feed
        runtimeService.deleteProcessInstance(plan.getId(), "restarted");
        executeJob(pi, TASK_FEED_PROPOSALS);
        assertThat(jdbc.sql("SELECT status FROM coverage_proposal WHERE run_id = ?").param(runId(pi))
                .query(String.class).single()).isEqualTo("PROPOSED");

        plan = runtimeService.startProcessInstanceByKey(TrainingClassProcess.KEY, fixtures.classNumber(openClass),
                Map.of(TrainingClassProcess.Vars.CLASS_ID, openClass));

        Task planTask = taskService.createTaskQuery().processInstanceId(plan.getId()).singleResult();
        assertThat(taskService.getVariable(planTask.getId(), TrainingClassProcess.Vars.NAMED_CADRES)).isEqualTo(number(red1));
        assertThat(jdbc.sql("SELECT status FROM coverage_proposal WHERE run_id = ?").param(runId(pi))
                .query(String.class).single()).isEqualTo("FED");
    }

    @Test
    void r7_aFailedWarningIsRetriedAndNeverSentTwice() throws Exception {
        ProcessInstance pi = startRun(district);
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TASK_WARN_UNIT).singleResult();
        assertThat(job.getRetries()).isEqualTo(5);
        mailSender.setPort(Mailbox.closedPort());

        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("邮件发送失败");
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(4);
        assertThat(mailbox.to(hrEmailA)).isEmpty();

        mailSender.setPort(smtpPort);
        managementService.executeJob(job.getId());
        assertThat(mailbox.to(hrEmailA)).hasSize(1);
        assertThat(watch.warnUnit(runId(pi), unitA)).as("a second attempt sends nothing").isZero();
        assertThat(mailbox.to(hrEmailA)).hasSize(1);
        assertThat(mailbox.to(directory.email(hrA))).hasSize(1);
    }

    @Test
    void r4_theTimerStartsARunOnTheFirstOfEveryMonthAt6AndThenWaitsForTheNextMonth() {
        Job timer = managementService.createJobQuery().processDefinitionKey(CoverageWatchProcess.KEY).timers()
                .singleResult();
        assertThat(timer).isNotNull();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.toLocalTime()).hasToString("06:00");
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(CoverageWatchProcess.KEY).count();

        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        managementService.executeJob(timer.getId());

        List<ProcessInstance> runs = runtimeService.createProcessInstanceQuery().processDefinitionKey(CoverageWatchProcess.KEY)
                .list();
        assertThat(runs).hasSize((int) before + 1);
        ProcessInstance started = runs.stream().filter(p -> managementService.createJobQuery().processInstanceId(p.getId())
                .activityId(TASK_COMPUTE_LIGHTS).count() == 1).findFirst().orElseThrow();
        BpmnAwareTests.assertThat(started).isWaitingAt(TASK_COMPUTE_LIGHTS);
        Job next = managementService.createJobQuery().processDefinitionKey(CoverageWatchProcess.KEY).timers().singleResult();
        assertThat(LocalDateTime.ofInstant(next.getDuedate().toInstant(), ZoneId.systemDefault()))
                .isEqualTo(due.plusMonths(1));
    }

    // ------------------------------------------------------------------------------------------------------------

    private ProcessInstance startRun(long scopeUnitId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.SCOPE_UNIT_ID, scopeUnitId);
        variables.put(Vars.INITIATOR, "cw-org");
        ProcessInstance pi = runtimeService.startProcessInstanceByMessage(CoverageWatchProcess.Messages.WATCH_REQUESTED,
                variables);
        executeJob(pi, TASK_COMPUTE_LIGHTS);
        return pi;
    }

    private void warnUnits(ProcessInstance pi) {
        managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TASK_WARN_UNIT).list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    private void executeJob(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        assertThat(job.getRetries()).isEqualTo(5);
        managementService.executeJob(job.getId());
    }

    private long runId(ProcessInstance pi) {
        return jdbc.sql("SELECT id FROM coverage_run WHERE process_instance_id = ?").param(pi.getId()).query(Long.class)
                .single();
    }

    private Task proposalTask(ProcessInstance pi) {
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_PROPOSE_MANDATES)
                .singleResult();
        assertThat(task).isNotNull();
        return task;
    }

    /** Completes the proposal task as the org department user; a refused completion leaves it unclaimed again. */
    private void complete(Task task, String lines) {
        identityService.setAuthentication("cw-org", List.of(Groups.ORG_DEPT));
        try {
            taskService.claim(task.getId(), "cw-org");
            try {
                taskService.complete(task.getId(), Map.of(Vars.PROPOSALS, lines));
            } finally {
                if (taskService.createTaskQuery().taskId(task.getId()).count() == 1) {
                    taskService.setAssignee(task.getId(), null);
                }
            }
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private int proposalCount(long runId) {
        return jdbc.sql("SELECT COUNT(*) FROM coverage_proposal WHERE run_id = ?").param(runId).query(Integer.class).single();
    }

    private long openNamedClass(LocalDate start) {
        long classId = fixtures.trainingClass("点名调训班", start, start.plusDays(4), true);
        fixtures.course(classId, "PARTY_THEORY", 40);
        jdbc.sql("UPDATE training_class SET dispatch_mode = 'NAMED' WHERE id = ?").param(classId).update();
        return classId;
    }

    private ProcessInstance lifecycleOf(long classId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(TrainingClassProcess.KEY)
                .processInstanceBusinessKey(fixtures.classNumber(classId)).singleResult();
    }

    private String number(long cadreId) {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }

    private String code(long unitId) {
        return jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unitId).query(String.class).single();
    }
}
