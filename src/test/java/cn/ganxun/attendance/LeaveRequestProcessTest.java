package cn.ganxun.attendance;

import static cn.ganxun.attendance.LeaveRequestProcess.Elements.*;
import static cn.ganxun.attendance.LeaveRequestProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** Every path of leave-request (请销假, R16), started by the trainee as in Tasklist, with the engine and GreenMail. */
@GanxunTest
@AlsoOnPostgres
class LeaveRequestProcessTest {

    static final String TEACHER = "leave-teacher";
    static final String INSTITUTION_STAFF = "leave-inst";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired AttendanceService attendance;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Mailbox mailbox;

    long classId;
    long cadreId;
    String trainee;
    LocalDate start;
    Map<String, TeachingSession> sessions = new HashMap<>();
    Actor teacherActor;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(engine);
        long unitId = fixtures.unit("请假测试局");
        start = EngineClock.today().plusDays(10);
        classId = fixtures.trainingClass("请销假", start, start.plusDays(4), true);
        cadreId = fixtures.cadre(unitId, Rank.STAFF);
        fixtures.enroll(classId, cadreId, "ENROLLED", null);
        trainee = directory.user("leave-trainee-" + cadreId, Groups.TRAINEE);
        directory.bindToCadre(trainee, cadreId);
        directory.user(TEACHER, Groups.CLASS_TEACHER);
        directory.user(INSTITUTION_STAFF, Groups.INSTITUTION, Groups.institution("FXI01"));
        jdbc.sql("INSERT INTO class_staff (class_id, user_id, role) VALUES (?, ?, 'CLASS_TEACHER')")
                .params(classId, TEACHER).update();
        teacherActor = new Actor(TEACHER, List.of(Groups.CLASS_TEACHER), null, null, null);
        for (int day = 0; day < 3; day++) {
            for (String period : List.of("MORNING", "AFTERNOON")) {
                sessions.put(day + period, attendance.createSession(classId,
                        new NewSession(start.plusDays(day), period, "课", BigDecimal.valueOf(4)), teacherActor));
            }
        }
        mailbox.clear();
    }

    @Test
    void shortLeaveApprovedByTheClassTeacherAndReportedBackMarksTheSessionsOnLeave() throws Exception {
        // the afternoon of day 0 is marked absent before the leave is known: the leave corrects it
        attendance.register(sessions.get("0AFTERNOON").id(), Map.of(cadreId, Mark.ABSENT), teacherActor);
        ProcessInstance leave = request(start.atTime(13, 0), start.atTime(18, 0), "就医");
        assertThat(leave.getBusinessKey()).isEqualTo(cadreNumber());
        Task approval = task(leave);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo(TASK_APPROVE_BY_TEACHER);
        assertThat(taskService.createTaskQuery().taskId(approval.getId()).taskCandidateUser(TEACHER).count()).isOne();
        assertThat((String) taskService.getVariable(approval.getId(), LEAVE_SUMMARY)).contains("就医").contains("1 个");
        assertThat(deployedForm(approval)).contains("\"id\": \"leave-teacher-approval\"");
        decide(approval, TEACHER, "APPROVE", null);

        executeAsync(leave);
        assertThat(mailbox.subjectsTo(directory.email(trainee))).singleElement()
                .satisfies(s -> assertThat(s).startsWith("【请假已批准】"));
        Task reportBack = task(leave);
        assertThat(reportBack.getTaskDefinitionKey()).isEqualTo(TASK_REPORT_BACK);
        assertThat(taskService.createTaskQuery().taskId(reportBack.getId()).taskCandidateUser(trainee).count()).isOne();
        assertThat(reportBack.getDueDate()).isEqualTo(EngineClock.toDate(start.atTime(18, 0)));

        assertThat(deployedForm(reportBack)).contains("\"key\": \"reportedBack\"");
        assertThatThrownBy(() -> complete(reportBack, trainee, Map.of(REPORTED_BACK, false)))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("请确认已返回");
        complete(reportBack, trainee, Map.of(REPORTED_BACK, true));
        BpmnAwareTests.assertThat(leave).isEnded().hasPassed(TASK_MARK_LEAVE_ATTENDANCE, END_REPORTED_BACK);
        assertThat(status()).isEqualTo("REPORTED_BACK");
        Map<Long, Mark> marks = currentMarks();
        assertThat(marks).containsOnlyKeys(sessions.get("0AFTERNOON").id());
        assertThat(marks.get(sessions.get("0AFTERNOON").id())).isEqualTo(Mark.ON_LEAVE);
        assertThat(attendance.history(sessions.get("0AFTERNOON").id(), cadreId, teacherActor))
                .extracting(MarkRecord::source).containsExactly(MarkSource.REGISTER, MarkSource.LEAVE);
    }

    @Test
    void leaveRefusedByTheClassTeacherNeedsACommentAndTellsTheTrainee() throws Exception {
        ProcessInstance leave = request(start.atTime(8, 0), start.atTime(12, 0), "家中有事");
        Task approval = task(leave);
        assertThatThrownBy(() -> decide(approval, TEACHER, "REFUSE", " "))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("不批准请假须填写意见");
        assertThatThrownBy(() -> decide(approval, TEACHER, null, null))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("请选择是否批准");
        decide(approval, TEACHER, "REFUSE", "本周有结业考试");
        executeAsync(leave);
        BpmnAwareTests.assertThat(leave).isEnded().hasPassed(TASK_NOTIFY_REFUSED, END_LEAVE_REFUSED)
                .hasNotPassed(TASK_APPROVE_BY_INSTITUTION, TASK_REPORT_BACK);
        assertThat(status()).isEqualTo("REFUSED");
        assertThat(mailbox.subjectsTo(directory.email(trainee))).singleElement()
                .satisfies(s -> assertThat(s).startsWith("【请假未批准】"));
        assertThat(Mailbox.bodyOf(mailbox.to(directory.email(trainee)).get(0))).contains("本周有结业考试");
        assertThat(currentMarks()).isEmpty();
    }

    @Test
    void longLeaveAlsoNeedsTheInstitutionWhichApproves() throws Exception {
        ProcessInstance leave = request(start.plusDays(1).atTime(8, 0), start.plusDays(2).atTime(18, 0), "参加上级会议");
        decide(task(leave), TEACHER, "APPROVE", "同意，请补学");
        Task institution = task(leave);
        assertThat(institution.getTaskDefinitionKey()).isEqualTo(TASK_APPROVE_BY_INSTITUTION);
        assertThat(taskService.createTaskQuery().taskId(institution.getId())
                .taskCandidateGroup(Groups.institution("FXI01")).count()).isOne();
        assertThat(status()).isEqualTo("REQUESTED");
        assertThat(deployedForm(institution)).contains("\"id\": \"leave-institution-approval\"");
        decide(institution, INSTITUTION_STAFF, "APPROVE", null);
        executeAsync(leave);
        assertThat(status()).isEqualTo("APPROVED");
        complete(task(leave), trainee, Map.of(REPORTED_BACK, true));
        BpmnAwareTests.assertThat(leave).isEnded().hasPassed(TASK_APPROVE_BY_INSTITUTION, END_REPORTED_BACK);
        assertThat(currentMarks()).containsOnlyKeys(sessions.get("1MORNING").id(), sessions.get("1AFTERNOON").id(),
                sessions.get("2MORNING").id(), sessions.get("2AFTERNOON").id());
        assertThat(currentMarks().values()).containsOnly(Mark.ON_LEAVE);
    }

    @Test
    void longLeaveRefusedByTheInstitution() throws Exception {
        ProcessInstance leave = request(start.atTime(8, 0), start.plusDays(2).atTime(12, 0), "出差");
        decide(task(leave), TEACHER, "APPROVE", null);
        Task institution = task(leave);
        assertThatThrownBy(() -> decide(institution, TEACHER, "APPROVE", null))
                .hasRootCauseInstanceOf(org.springframework.security.access.AccessDeniedException.class)
                .hasMessageContaining("只有本班培训机构可以审批长假");
        decide(institution, INSTITUTION_STAFF, "REFUSE", "培训期间原则上不准长假");
        executeAsync(leave);
        BpmnAwareTests.assertThat(leave).isEnded().hasPassed(END_LEAVE_REFUSED).hasNotPassed(TASK_REPORT_BACK);
        assertThat(status()).isEqualTo("REFUSED");
        assertThat(mailbox.subjectsTo(directory.email(trainee))).singleElement()
                .satisfies(s -> assertThat(s).startsWith("【请假未批准】"));
    }

    @Test
    void aLeaveOverlappingAnApprovedLeaveIsRefusedAndNothingIsWritten() {
        ProcessInstance first = request(start.atTime(8, 0), start.atTime(12, 0), "就医");
        decide(task(first), TEACHER, "APPROVE", null);
        long before = leaves();
        assertThatThrownBy(() -> request(start.atTime(11, 0), start.atTime(17, 0), "复诊"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("与您已批准的请假")
                .hasMessageContaining("重叠");
        assertThat(leaves()).isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LeaveRequestProcess.KEY)
                .processInstanceBusinessKey(cadreNumber()).count()).isOne();
        // right after it is fine
        request(start.atTime(12, 0), start.atTime(17, 0), "复诊");
    }

    @Test
    void aRequestOutsideTheClassOrWithBadTimesIsRefused() {
        assertThatThrownBy(() -> request(start.minusDays(5).atTime(8, 0), start.minusDays(5).atTime(12, 0), "事假"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不在您参训的任何班次的培训期内");
        assertThatThrownBy(() -> request(start.atTime(12, 0), start.atTime(8, 0), " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请假结束时间须晚于开始时间")
                .hasMessageContaining("请填写请假事由");
        assertThat(leaves()).isZero();
    }

    @Test
    void traineesMayStartItInTasklistWithItsStartForm() throws Exception {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(LeaveRequestProcess.KEY).latestVersion().singleResult().getId();
        try (var form = engine.getFormService().getDeployedStartForm(definitionId)) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"key\": \"leaveStart\"", "\"key\": \"leaveEnd\"", "\"key\": \"leaveReason\"");
        }
        identityService.setAuthentication(trainee, List.of(Groups.TRAINEE));
        try {
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().startablePermissionCheck()
                    .startableInTasklist().list()).extracting(d -> d.getKey()).contains(LeaveRequestProcess.KEY)
                    .doesNotContain("class-filing");
        } finally {
            identityService.clearAuthentication();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** Starts the process as the trainee does in Tasklist: authenticated, with the start form's values. */
    private ProcessInstance request(LocalDateTime from, LocalDateTime to, String reason) {
        identityService.setAuthentication(trainee, List.of(Groups.TRAINEE));
        try {
            return runtimeService.startProcessInstanceByKey(LeaveRequestProcess.KEY,
                    Map.of(LEAVE_START, from.toString(), LEAVE_END, to.toString(), LEAVE_REASON, reason));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void decide(Task task, String user, String decision, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(LEAVE_DECISION, decision);
        variables.put(LEAVE_COMMENT, comment);
        complete(task, user, variables);
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        taskService.claim(task.getId(), user);
        try {
            taskService.complete(task.getId(), new HashMap<>(variables));
        } finally {
            if (taskService.createTaskQuery().taskId(task.getId()).count() == 1) {
                taskService.setAssignee(task.getId(), null);
            }
        }
    }

    private String deployedForm(Task task) throws Exception {
        try (var form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Task task(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void executeAsync(ProcessInstance instance) {
        for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
            managementService.executeJob(job.getId());
        }
    }

    private String status() {
        return jdbc.sql("SELECT status FROM leave_request WHERE cadre_id = ? ORDER BY id DESC").param(cadreId)
                .query(String.class).list().get(0);
    }

    private long leaves() {
        return jdbc.sql("SELECT COUNT(*) FROM leave_request WHERE cadre_id = ?").param(cadreId).query(Long.class).single();
    }

    private Map<Long, Mark> currentMarks() {
        return attendance.currentRegister(classId, teacherActor).trainees().get(0).marks();
    }

    private String cadreNumber() {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }
}
