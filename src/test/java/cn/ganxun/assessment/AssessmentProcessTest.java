package cn.ganxun.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Elements.*;
import static cn.ganxun.assessment.AssessmentProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** Every path of assessment (R18–R20, R25, R35) with the engine: parallel scoring, compute, review with corrections, confirm. */
@GanxunTest
@AlsoOnPostgres
class AssessmentProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired AssessmentService assessment;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    AssessmentClass k;
    String traineeAccount;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
        k = new AssessmentClass(fixtures, directory, jdbc, 3, 2);
        traineeAccount = directory.user("trainee-" + k.classNumber.toLowerCase(Locale.ROOT), Groups.TRAINEE);
        directory.bindToCadre(traineeAccount, k.cadres.get(0));
    }

    @Test
    void everyRaterScoresInParallelTheOrganiserCorrectsWithAReasonAndConfirms() {
        ProcessInstance pi = start();
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SCORE_BY_TEACHER, TASK_SCORE_BY_LECTURER, TASK_SCORE_BY_LIAISON,
                TASK_RATE_CLASSMATES);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scoring_item WHERE class_id = ?").param(k.classId).query(Long.class).single())
                .isEqualTo(12);

        Task teacherTask = task(pi, TASK_SCORE_BY_TEACHER, k.teacher);
        assertThat((String) taskService.getVariable(teacherTask.getId(), SCORE_SHEET_INFO)).contains("课堂互动", k.numbers.get(2));
        complete(teacherTask, k.teacher, Map.of(TEACHER_SCORES, teacherSheet("5")));
        complete(task(pi, TASK_SCORE_BY_LECTURER, k.lecturers.get(0)), k.lecturers.get(0),
                Map.of(LECTURER_SCORES, sheet("80，90")));
        complete(task(pi, TASK_SCORE_BY_LECTURER, k.lecturers.get(1)), k.lecturers.get(1),
                Map.of(LECTURER_SCORES, sheet("70，60")));
        complete(task(pi, TASK_SCORE_BY_LIAISON, k.liaison), k.liaison, Map.of(LIAISON_SCORES, sheet("85，85")));

        // trainee 0 has an account and rates in person; the others have none: the class teacher enters for them
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_RATE_CLASSMATES)
                .taskCandidateUser(traineeAccount).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_RATE_CLASSMATES)
                .taskCandidateUser(k.teacher).count()).isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            String who = i == 0 ? traineeAccount : k.teacher;
            Task own = traineeTask(pi, k.cadres.get(i));
            complete(own, who, peerVariables(i, 80 + i));
        }
        assertThat(jdbc.sql("SELECT written_by FROM self_evaluation WHERE class_id = ? ORDER BY cadre_id").param(k.classId)
                .query(String.class).list()).containsExactly(traineeAccount, k.teacher, k.teacher);

        BpmnAwareTests.assertThat(pi).isWaitingAt(GATEWAY_JOIN_SCORING);
        executeJobs(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW_RESULTS);
        Task review = task(pi, TASK_REVIEW_RESULTS, k.teacher);
        String table = (String) taskService.getVariable(review.getId(), RESULTS_TABLE);
        assertThat(table).contains("| 排名 | 干部编号 |", k.numbers.get(0), "LECTURER:" + k.lecturers.get(0));
        List<AssessmentResult> before = assessment.results(k.classId);
        assertThat(before).hasSize(3).allSatisfy(r -> assertThat(r.completed()).isTrue());

        complete(review, k.teacher, Map.of(REVIEW_DECISION, "CORRECT",
                CORRECTIONS, k.numbers.get(1) + "，LECTURER:" + k.lecturers.get(1) + "，KNOWLEDGE，100，复核试卷后更正"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW_RESULTS);
        assertThat(jdbc.sql("""
                SELECT c.reason FROM score_correction c JOIN score s ON s.id = c.score_id WHERE s.class_id = ?""")
                .param(k.classId).query(String.class).list()).containsExactly("复核试卷后更正");
        AssessmentResult corrected = assessment.results(k.classId).stream()
                .filter(r -> r.cadreNumber().equals(k.numbers.get(1))).findFirst().orElseThrow();
        assertThat(corrected.lecturerAverage()).isEqualByComparingTo("82.5");

        complete(task(pi, TASK_REVIEW_RESULTS, k.teacher), k.teacher, Map.of(REVIEW_DECISION, "CONFIRM"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(TASK_CONFIRM_RESULTS, END_RESULTS_CONFIRMED);
        assertThat(assessment.results(k.classId)).allSatisfy(r -> assertThat(r.confirmedBy()).isEqualTo(k.teacher));
        assertThat(jdbc.sql("SELECT grade FROM enrollment WHERE class_id = ?").param(k.classId).query(String.class).list())
                .hasSize(3).doesNotContainNull();
    }

    @Test
    void badScoresRollTheTaskBackWithEveryProblemNamedAndWriteNothing() {
        ProcessInstance pi = start();
        Task teacherTask = task(pi, TASK_SCORE_BY_TEACHER, k.teacher);
        String text = teacherSheet("5").replaceFirst("，5", "，11") + "C-NOBODY，1\n";
        assertThatThrownBy(() -> complete(teacherTask, k.teacher, Map.of(TEACHER_SCORES, text)))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("纪律 11 分超出范围（0–10）")
                .hasMessageContaining("第 4 行：应为干部编号加 11 个分值");
        Task own = traineeTask(pi, k.cadres.get(0));
        Map<String, Object> self = new HashMap<>(peerVariables(0, 80));
        self.put(PEER_RATINGS, k.numbers.get(0) + "，90\n" + k.numbers.get(1) + "，80\n" + k.numbers.get(1) + "，70\n"
                + k.numbers.get(2) + "，60");
        assertThatThrownBy(() -> complete(own, traineeAccount, self))
                .hasMessageContaining("第 1 行：不能给自己评分")
                .hasMessageContaining("第 3 行：重复评分");
        Map<String, Object> noSelfEvaluation = new HashMap<>(peerVariables(0, 80));
        noSelfEvaluation.put(SELF_NEW_IDEAS, "");
        assertThatThrownBy(() -> complete(own, traineeAccount, noSelfEvaluation))
                .hasMessageContaining("R25：请填写自我评价的“新思路新举措”");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM score WHERE class_id = ?").param(k.classId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM self_evaluation WHERE class_id = ?").param(k.classId).query(Long.class)
                .single()).isZero();
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SCORE_BY_TEACHER, TASK_RATE_CLASSMATES);
    }

    @Test
    void reviewRefusesCorrectionsWithoutReasonAndConfirmationWithCorrections() {
        k = new AssessmentClass(fixtures, directory, jdbc, 2, 0);
        ProcessInstance pi = start();
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SCORE_BY_TEACHER, TASK_SCORE_BY_LIAISON, TASK_RATE_CLASSMATES);
        complete(task(pi, TASK_SCORE_BY_TEACHER, k.teacher), k.teacher, Map.of(TEACHER_SCORES, teacherSheet("5")));
        complete(task(pi, TASK_SCORE_BY_LIAISON, k.liaison), k.liaison, Map.of(LIAISON_SCORES, sheet("70，70")));
        for (int i = 0; i < 2; i++) {
            complete(traineeTask(pi, k.cadres.get(i)), k.teacher, peerVariables(i, 75));
        }
        executeJobs(pi);
        Task review = task(pi, TASK_REVIEW_RESULTS, k.teacher);
        assertThatThrownBy(() -> complete(review, k.teacher, Map.of(REVIEW_DECISION, "CORRECT",
                CORRECTIONS, k.numbers.get(0) + "，LIAISON，TEAMWORK，90，")))
                .hasMessageContaining("第 1 行：更正须填写理由");
        assertThatThrownBy(() -> complete(review, k.teacher, Map.of(REVIEW_DECISION, "CORRECT",
                CORRECTIONS, k.numbers.get(0) + "，LIAISON，TEAMWORK")))
                .hasMessageContaining("应为“干部编号，评分人类型，评分项，新分值，理由”");
        assertThatThrownBy(() -> complete(review, k.teacher, Map.of(REVIEW_DECISION, "CORRECT",
                CORRECTIONS, k.numbers.get(0) + "，CLASS_TEACHER，ATTENDANCE，15，补记")))
                .hasMessageContaining("出勤分由考勤计算");
        assertThatThrownBy(() -> complete(review, k.teacher, Map.of(REVIEW_DECISION, "CORRECT",
                CORRECTIONS, "C-NOBODY，LIAISON，TEAMWORK，90，理由")))
                .hasMessageContaining("干部 C-NOBODY 不在本班学员名单中");
        assertThatThrownBy(() -> complete(review, k.teacher, Map.of(REVIEW_DECISION, "CONFIRM",
                CORRECTIONS, k.numbers.get(0) + "，LIAISON，TEAMWORK，90，理由")))
                .hasMessageContaining("确认结果时不能填写更正内容");
        assertThatThrownBy(() -> complete(review, k.teacher, Map.of()))
                .hasMessageContaining("请选择审核结论");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM score_correction c JOIN score s ON s.id = c.score_id WHERE s.class_id = ?")
                .param(k.classId).query(Long.class).single()).isZero();
        complete(review, k.teacher, Map.of(REVIEW_DECISION, "CORRECT",
                CORRECTIONS, k.numbers.get(0) + "，联络员，团队协作，90，联络员补交材料，重新评定"));
        assertThat(jdbc.sql("SELECT c.reason FROM score_correction c JOIN score s ON s.id = c.score_id WHERE s.class_id = ?")
                .param(k.classId).query(String.class).single()).isEqualTo("联络员补交材料，重新评定");
        complete(task(pi, TASK_REVIEW_RESULTS, k.teacher), k.teacher, Map.of(REVIEW_DECISION, "CONFIRM"));
        BpmnAwareTests.assertThat(pi).isEnded();
    }

    @Test
    void aClassWithoutClassTeacherCannotStartItsAssessment() {
        AssessmentClass orphan = new AssessmentClass(fixtures, directory, jdbc, 1, 0);
        jdbc.sql("DELETE FROM class_staff WHERE class_id = ? AND role = 'CLASS_TEACHER'").param(orphan.classId).update();
        assertThatThrownBy(() -> assessment.start(orphan.classId)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("本班未指定班主任");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(orphan.classNumber).count()).isZero();
    }

    @Test
    void aRunningAssessmentIsNotStartedTwice() {
        start();
        assertThatThrownBy(() -> assessment.start(k.classId)).hasMessageContaining("本班考核已在进行中");
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    ProcessInstance start() {
        String id = assessment.start(k.classId);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(pi.getBusinessKey()).isEqualTo(k.classNumber);
        return pi;
    }

    Task task(ProcessInstance pi, String key, String candidate) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
                .taskCandidateUser(candidate).singleResult();
    }

    Task traineeTask(ProcessInstance pi, long cadreId) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_RATE_CLASSMATES).list()
                .stream().filter(t -> Long.valueOf(cadreId).equals(taskService.getVariable(t.getId(), TRAINEE_ID)))
                .findFirst().orElse(null);
    }

    void complete(Task task, String user, Map<String, Object> variables) {
        assertThat(task).as("task for " + user).isNotNull();
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), variables);
    }

    void executeJobs(ProcessInstance pi) {
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list()).isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** One line per trainee with the same tail ("分，分"). */
    String sheet(String tail) {
        StringBuilder text = new StringBuilder();
        k.numbers.forEach(n -> text.append(n).append('，').append(tail).append('\n'));
        return text.toString();
    }

    String teacherSheet(String points) {
        return sheet(String.join("，", java.util.Collections.nCopies(11, points)));
    }

    Map<String, Object> peerVariables(int rater, int points) {
        List<String> lines = new ArrayList<>();
        for (int j = 0; j < k.numbers.size(); j++) {
            if (j != rater) {
                lines.add(k.numbers.get(j) + "，" + points);
            }
        }
        return Map.of(PEER_RATINGS, String.join("\n", lines), SELF_KNOWLEDGE, "系统学习了新思想", SELF_INSPIRATION, "深受启发",
                SELF_NEW_IDEAS, "回去推动落实");
    }

    static BigDecimal points(String value) {
        return new BigDecimal(value);
    }
}
