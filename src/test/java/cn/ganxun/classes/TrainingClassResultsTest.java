package cn.ganxun.classes;

import static cn.ganxun.classes.TrainingClassProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.feedback.UnitFeedbackProcess;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * training-class after its roster: the class-end timer calls the assessment; once results are confirmed,
 * certificates (R21), credits (R22, R3) and make-up placement (R21) run in parallel, then the class waits for
 * its follow-up (the `follow-up` call activity).
 */
@GanxunTest
@AlsoOnPostgres
class TrainingClassResultsTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    long classId;
    long passed;
    long failed;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
        long unit = fixtures.unit("结业测试局");
        LocalDate start = EngineClock.today().minusDays(10);
        classId = fixtures.trainingClass("结业测试", start, start.plusDays(4), true);
        fixtures.course(classId, "PARTY_THEORY", 40);
        passed = fixtures.cadre(unit, Rank.STAFF);
        failed = fixtures.cadre(unit, Rank.STAFF);
        fixtures.enroll(classId, passed, "ENROLLED", null);
        fixtures.enroll(classId, failed, "ENROLLED", null);
        directory.user("results-org", Groups.ORG_DEPT);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theClassEndTimerStartsTheAssessmentWithTheClassNumber() {
        directory.user("results-teacher", Groups.CLASS_TEACHER);
        jdbc.sql("INSERT INTO class_staff (class_id, user_id, role) VALUES (?, 'results-teacher', 'CLASS_TEACHER')")
                .param(classId).update();
        Date endsAt = EngineClock.toDate(EngineClock.now().plusDays(3));
        ProcessInstance lifecycle = runtimeService.createProcessInstanceByKey(TrainingClassProcess.KEY)
                .businessKey(fixtures.classNumber(classId))
                .startBeforeActivity(EVENT_CLASS_ENDED)
                .setVariables(Map.of(TrainingClassProcess.Vars.CLASS_ID, classId, TrainingClassProcess.Vars.CLASS_ENDS_AT, endsAt))
                .execute();
        Job timer = managementService.createJobQuery().processInstanceId(lifecycle.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(endsAt);
        ClockUtil.setCurrentTime(new Date(endsAt.getTime() + 1000));
        managementService.executeJob(timer.getId());

        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(CALL_ASSESSMENT);
        ProcessInstance assessment = runtimeService.createProcessInstanceQuery().superProcessInstanceId(lifecycle.getId())
                .singleResult();
        assertThat(assessment.getBusinessKey()).isEqualTo(fixtures.classNumber(classId));
        assertThat(runtimeService.getVariable(assessment.getId(), "classId")).isEqualTo(classId);
    }

    @Test
    void r21_r22_confirmedResultsGiveCertificatesCreditsAndAMakeUpPlacement() {
        completion.result(classId, passed, "GOOD", true);
        completion.result(classId, failed, "FAIL", true);
        LocalDate laterStart = EngineClock.today().plusDays(30);
        long later = fixtures.trainingClass("补训班", laterStart, laterStart.plusDays(4), true);

        ProcessInstance lifecycle = runtimeService.createProcessInstanceByKey(TrainingClassProcess.KEY)
                .businessKey(fixtures.classNumber(classId))
                .startBeforeActivity("Gateway_ForkResults")
                .setVariables(Map.of(TrainingClassProcess.Vars.CLASS_ID, classId))
                .execute();
        executeJobs(lifecycle);
        assertThat(jdbc.sql("SELECT cadre_id FROM certificate WHERE class_id = ?").param(classId).query(Long.class).list())
                .containsExactly(passed);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM credit_entry WHERE source_ref = ?").param(fixtures.classNumber(classId))
                .query(Long.class).single()).isEqualTo(2);

        Task place = taskService.createTaskQuery().processInstanceId(lifecycle.getId()).taskDefinitionKey(TASK_PLACE_MAKE_UP)
                .singleResult();
        assertThat(taskService.createTaskQuery().taskId(place.getId()).taskCandidateGroup(Groups.ORG_DEPT).count()).isOne();
        assertThat((String) taskService.getVariable(place.getId(), TrainingClassProcess.Vars.MAKE_UP_SUMMARY))
                .contains(cadreNumber(failed));
        taskService.claim(place.getId(), "results-org");
        assertThatThrownBy(() -> taskService.complete(place.getId(), Map.of(TrainingClassProcess.Vars.PLACEMENTS,
                cadreNumber(passed) + "，" + fixtures.classNumber(later))))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("不在本班补训名单中");
        taskService.complete(place.getId(), Map.of(TrainingClassProcess.Vars.PLACEMENTS,
                cadreNumber(failed) + "，" + fixtures.classNumber(later)));

        assertThat(jdbc.sql("SELECT placed_class_id FROM make_up_training WHERE class_id = ? AND cadre_id = ?")
                .params(classId, failed).query(Long.class).single()).isEqualTo(later);
        executeJobs(lifecycle);
        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(CALL_FOLLOW_UP)
                .hasPassed(TASK_ISSUE_CERTIFICATES, TASK_POST_CREDITS, TASK_REPORT_APPOINTMENT_TRAINING, TASK_LIST_MAKE_UP, TASK_PLACE_MAKE_UP,
                        TASK_REQUEST_RESULTS_FEEDBACK);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitFeedbackProcess.KEY)
                .processInstanceBusinessKey(fixtures.classNumber(classId)).count())
                .as("R30: results go to the units at once").isOne();
        ProcessInstance followUp = runtimeService.createProcessInstanceQuery().superProcessInstanceId(lifecycle.getId())
                .singleResult();
        assertThat(followUp.getBusinessKey()).as("R24: the follow-up starts once results are confirmed")
                .isEqualTo(fixtures.classNumber(classId));
        assertThat(runtimeService.getVariable(followUp.getId(), "classId")).isEqualTo(classId);
    }

    @Test
    void withoutFailuresThereIsNoPlacementTask() {
        completion.result(classId, passed, "EXCELLENT", true);
        completion.result(classId, failed, "PASS", true);
        ProcessInstance lifecycle = runtimeService.createProcessInstanceByKey(TrainingClassProcess.KEY)
                .businessKey(fixtures.classNumber(classId))
                .startBeforeActivity("Gateway_ForkResults")
                .setVariables(Map.of(TrainingClassProcess.Vars.CLASS_ID, classId))
                .execute();
        executeJobs(lifecycle);
        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(CALL_FOLLOW_UP).hasNotPassed(TASK_PLACE_MAKE_UP);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate WHERE class_id = ?").param(classId).query(Long.class).single())
                .isEqualTo(2);
    }

    /** Executes the lifecycle's asynchronous continuations until none is left (each may lead to the next). */
    private void executeJobs(ProcessInstance lifecycle) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(lifecycle.getId()).messages().list();
        while (!jobs.isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
            jobs = managementService.createJobQuery().processInstanceId(lifecycle.getId()).messages().list();
        }
    }

    private String cadreNumber(long cadreId) {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }
}
