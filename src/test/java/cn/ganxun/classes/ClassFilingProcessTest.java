package cn.ganxun.classes;

import static cn.ganxun.classes.ClassFilingProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import com.icegreen.greenmail.util.GreenMailUtil;

import cn.ganxun.institutions.Institution;
import cn.ganxun.institutions.InstitutionKind;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import jakarta.mail.internet.MimeMessage;

/** Every path of class-filing, end to end with the engine, GreenMail and the Ganxun tables. */
@GanxunTest
@AlsoOnPostgres
class ClassFilingProcessTest {

    private static final String INSTITUTION_USER = "filer-dx";
    private static final String APPROVER = "approver-t";
    private static final String HEAD = "head-t";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired ClassFilingService filings;
    @Autowired FilingNotifications notifications;
    @Autowired TrainingClassRepository classes;
    @Autowired TestDirectory directory;
    @Autowired Mailbox mailbox;

    Institution partySchool;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
        partySchool = directory.institution("DX01", "市委党校", InstitutionKind.PARTY_SCHOOL);
        directory.user(INSTITUTION_USER, Groups.INSTITUTION, Groups.institution("DX01"));
        directory.bindToInstitution(INSTITUTION_USER, partySchool.id());
        directory.user(APPROVER, Groups.APPROVER);
        directory.user(HEAD, Groups.ORG_DEPT_HEAD);
        mailbox.clear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    // ---- paths -------------------------------------------------------------------------------------------

    @Test
    void r13_smallClassIsRecordedWithoutApprovalAndOpensItsLifecycle() throws Exception {
        ProcessInstance instance = file(form(20, 10));
        TrainingClass recorded = classOf(instance);

        BpmnAwareTests.assertThat(instance).hasPassed(TASK_CHECK_FILING_RULES, TASK_RECORD_CLASS, TASK_OPEN_TRAINING_CLASS)
                .hasNotPassed(TASK_REVIEW_FILING).isWaitingAt(TASK_NOTIFY_DECISION);
        assertThat(recorded.status()).isEqualTo(ClassStatus.RECORDED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).isEqualTo(recorded.classNumber()).startsWith("DX01-");
        assertTrainingClassStarted(recorded);

        executeJob(instance);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_FILING_DECIDED);
        assertThat(mailbox.subjectsTo(partySchool.contactEmail())).containsExactly("【办班备案已登记】" + recorded.title());
        assertThat(mailbox.subjectsTo(directory.email(INSTITUTION_USER))).hasSize(1);
    }

    @Test
    void r13_largeClassIsApprovedByTheApprover() throws Exception {
        ProcessInstance instance = file(form(45, 60));
        Task review = reviewTask(instance);
        assertThat(candidateGroups(review)).containsExactly(Groups.APPROVER);
        assertThat(review.getDueDate()).isNotNull();
        assertThat(review.getFollowUpDate()).isBefore(review.getDueDate());
        assertThat((String) taskService.getVariable(review.getId(), ClassFilingProcess.Vars.FILING_SUMMARY))
                .contains("R13", "须报组织部审批", "习近平新时代中国特色社会主义思想", "45");
        assertThat(taskService.getVariables(review.getId()).keySet())
                .as("the approver's task carries the summary, not a copy of the filing")
                .doesNotContainAnyElementsOf(ClassFilingProcess.Vars.FILING_FIELDS);

        decide(review, "APPROVE", "同意举办", null);

        TrainingClass approved = classOf(instance);
        assertThat(approved.status()).isEqualTo(ClassStatus.APPROVED);
        assertTrainingClassStarted(approved);
        assertThat(classes.history(approved.id())).extracting(StatusChange::action, StatusChange::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("REVIEW_APPROVE", APPROVER));
        executeJob(instance);
        BpmnAwareTests.assertThat(instance).isEnded();
        List<MimeMessage> mails = mailbox.to(partySchool.contactEmail());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).startsWith("【办班申请已批准】");
        assertThat(GreenMailUtil.getBody(mails.get(0))).isNotBlank();
        assertThat(Mailbox.bodyOf(mails.get(0))).contains("同意举办", approved.classNumber());
    }

    @Test
    void largeClassRejectedWithCommentEndsWithoutALifecycle() throws Exception {
        ProcessInstance instance = file(form(45, 60));
        decide(reviewTask(instance), "REJECT", "主题与年度计划重复", null);

        TrainingClass rejected = classOf(instance);
        assertThat(rejected.status()).isEqualTo(ClassStatus.REJECTED);
        BpmnAwareTests.assertThat(instance).hasNotPassed(TASK_OPEN_TRAINING_CLASS);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TrainingClassProcess.KEY)
                .processInstanceBusinessKey(rejected.classNumber()).count()).isZero();
        executeJob(instance);
        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(Mailbox.bodyOf(mailbox.to(partySchool.contactEmail()).get(0))).contains("未批准", "主题与年度计划重复");
    }

    @Test
    void rejectingOrReturningWithoutCommentIsRefused() {
        ProcessInstance instance = file(form(45, 60));
        Task review = reviewTask(instance);
        assertThatThrownBy(() -> decide(review, "REJECT", " ", null))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("不予批准时须填写审批意见");
        assertThat(reviewTask(instance)).isNotNull();
        assertThat(classOf(instance).status()).isEqualTo(ClassStatus.UNDER_REVIEW);
    }

    @Test
    void returnedFilingIsRevisedByTheInstitutionAndThenApproved() throws Exception {
        ProcessInstance instance = file(form(45, 60));
        decide(reviewTask(instance), "RETURN", "请补充党性教育课程", null);
        assertThat(classOf(instance).status()).isEqualTo(ClassStatus.RETURNED);
        executeJob(instance);
        assertThat(Mailbox.bodyOf(mailbox.to(partySchool.contactEmail()).get(0))).contains("请补充党性教育课程", "修改办班申报");

        Task revise = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(revise.getTaskDefinitionKey()).isEqualTo(TASK_REVISE_FILING);
        assertThat(candidateGroups(revise)).containsExactly(Groups.institution("DX01"));
        assertThat(taskService.getVariable(revise.getId(), ClassFilingProcess.Vars.TITLE)).isEqualTo("县处级干部进修班");

        Map<String, Object> revised = form(50, 60);
        revised.put(ClassFilingProcess.Vars.TITLE, "县处级干部进修班（修订）");
        taskService.complete(revise.getId(), revised);

        TrainingClass afterRevision = classOf(instance);
        assertThat(afterRevision.revision()).isEqualTo(2);
        assertThat(afterRevision.title()).isEqualTo("县处级干部进修班（修订）");
        assertThat(afterRevision.plannedParticipants()).isEqualTo(50);
        decide(reviewTask(instance), "APPROVE", null, null);
        assertThat(classOf(instance).status()).isEqualTo(ClassStatus.APPROVED);
        assertThat(classes.history(afterRevision.id())).extracting(StatusChange::action)
                .containsSubsequence("FILED", "RULES_CHECKED", "REVIEW_RETURN", "REVISED", "RULES_CHECKED", "REVIEW_APPROVE");
    }

    @Test
    void r15_partySchoolClassShortOfPartyHoursGoesBackToTheInstitution() throws Exception {
        ProcessInstance instance = file(form(45, 60, course("经济形势分析", 30, "专业化能力培训"),
                course("党史学习", 10, "PARTY_THEORY")));
        assertThat(classOf(instance).status()).isEqualTo(ClassStatus.RETURNED);
        BpmnAwareTests.assertThat(instance).hasNotPassed(TASK_REVIEW_FILING).isWaitingAt(TASK_NOTIFY_RETURN);
        executeJob(instance);
        assertThat(Mailbox.bodyOf(mailbox.to(partySchool.contactEmail()).get(0))).contains("R15", "70%", "25.0%");

        Task revise = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(revise.getTaskDefinitionKey()).isEqualTo(TASK_REVISE_FILING);
        assertThat((String) taskService.getVariable(revise.getId(), ClassFilingProcess.Vars.FILING_SUMMARY)).contains("R15");
        taskService.complete(revise.getId(), form(45, 60));
        assertThat(reviewTask(instance)).isNotNull();
        assertThat(classOf(instance).status()).isEqualTo(ClassStatus.UNDER_REVIEW);
    }

    @Test
    void r13_lateFilingNeedsAnExplicitOverrideWithReason() throws Exception {
        ProcessInstance instance = file(form(45, 12));
        Task review = reviewTask(instance);
        assertThat(taskService.getVariable(review.getId(), ClassFilingProcess.Vars.LATE_FILING)).isEqualTo(true);
        assertThat((String) taskService.getVariable(review.getId(), ClassFilingProcess.Vars.FILING_SUMMARY))
                .contains("距开班仅 12 天");

        assertThatThrownBy(() -> decide(review, "APPROVE", null, null))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("R13：");
        assertThat(classOf(instance).status()).isEqualTo(ClassStatus.UNDER_REVIEW);

        decide(reviewTask(instance), "APPROVE", null, "市委专题部署，须于月内开班");
        TrainingClass approved = classOf(instance);
        assertThat(approved.status()).isEqualTo(ClassStatus.APPROVED);
        assertThat(approved.lateFilingOverride()).isEqualTo("市委专题部署，须于月内开班");
        assertThat(classes.history(approved.id())).extracting(StatusChange::overrideReason)
                .contains("市委专题部署，须于月内开班");
    }

    @Test
    void r13_lateFilingMayStillBeRefused() {
        ProcessInstance instance = file(form(45, 12));
        decide(reviewTask(instance), "REJECT", "时间过紧", null);
        assertThat(classOf(instance).status()).isEqualTo(ClassStatus.REJECTED);
        assertThat(classOf(instance).lateFilingOverride()).isNull();
    }

    @Test
    void reviewRemindsApproversBeforeTheDueDateAndEscalatesToTheHeadAfterIt() throws Exception {
        ProcessInstance instance = file(form(45, 60));
        Task review = reviewTask(instance);

        moveClockTo(review.getFollowUpDate());
        executeTimer(instance, BOUNDARY_REVIEW_REMINDER);
        executeJob(instance);
        assertThat(mailbox.subjectsTo(directory.email(APPROVER))).containsExactly("【审批提醒】县处级干部进修班");
        assertThat(candidateGroups(reviewTask(instance))).containsExactly(Groups.APPROVER);

        moveClockTo(review.getDueDate());
        executeTimer(instance, BOUNDARY_REVIEW_OVERDUE);
        executeJob(instance);
        Task escalated = reviewTask(instance);
        assertThat(candidateGroups(escalated)).containsExactlyInAnyOrder(Groups.APPROVER, Groups.ORG_DEPT_HEAD);
        assertThat(escalated.getPriority()).isGreaterThan(50);
        assertThat(taskService.createTaskQuery().taskCandidateUser(HEAD).processInstanceId(instance.getId()).count())
                .isEqualTo(1);
        assertThat(mailbox.subjectsTo(directory.email(HEAD))).containsExactly("【审批超期督办】县处级干部进修班");
        BpmnAwareTests.assertThat(instance).hasPassed(END_APPROVER_REMINDED, END_REVIEW_ESCALATED)
                .isWaitingAt(TASK_REVIEW_FILING);

        decide(escalated, "APPROVE", "分管领导督办后批准", null);
        assertThat(classOf(instance).status()).isEqualTo(ClassStatus.APPROVED);
    }

    @Test
    void decisionMailIsSentOnceEvenWhenTheStepRunsAgain() throws Exception {
        ProcessInstance instance = file(form(20, 10));
        long classId = classOf(instance).id();
        executeJob(instance);
        assertThat(notifications.notifyInstitution(classId)).isZero();
        assertThat(mailbox.to(partySchool.contactEmail())).hasSize(1);
    }

    @Test
    void invalidFormLeavesNothingBehind() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(ClassFilingProcess.KEY).count();
        Map<String, Object> bad = form(45, 60);
        bad.put(ClassFilingProcess.Vars.END_DATE, EngineClock.today().plusDays(50).toString());
        bad.put(ClassFilingProcess.Vars.PLANNED_PARTICIPANTS, -3);
        assertThatThrownBy(() -> file(bad))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("结束日期不能早于开班日期")
                .hasMessageContaining("计划参训人数");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ClassFilingProcess.KEY).count())
                .isEqualTo(before);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** One curriculum line as the filing form's text area holds it. */
    static String course(String title, double hours, String category) {
        return title + "，" + hours + "，" + category;
    }

    /** A filing as the Camunda Form submits it; default curriculum: 40 hours, all party theory and spirit. */
    static Map<String, Object> form(int participants, int startInDays, String... courses) {
        List<String> curriculum = courses.length > 0 ? Arrays.asList(courses)
                : List.of(course("习近平新时代中国特色社会主义思想", 24, "党的理论教育"), course("党性教育专题", 16, "党性"));
        Map<String, Object> form = new HashMap<>();
        form.put(ClassFilingProcess.Vars.TITLE, "县处级干部进修班");
        form.put(ClassFilingProcess.Vars.CLASS_TYPE, "ADVANCED_STUDY");
        form.put(ClassFilingProcess.Vars.TOPIC, "学习贯彻党的二十届三中全会精神");
        form.put(ClassFilingProcess.Vars.START_DATE, EngineClock.today().plusDays(startInDays).toString());
        form.put(ClassFilingProcess.Vars.END_DATE, EngineClock.today().plusDays(startInDays + 9).toString());
        form.put(ClassFilingProcess.Vars.OFF_JOB, true);
        form.put(ClassFilingProcess.Vars.PLANNED_PARTICIPANTS, participants);
        form.put(ClassFilingProcess.Vars.DISPATCH_MODE, "QUOTA");
        form.put(ClassFilingProcess.Vars.TOTAL_HOURS,
                curriculum.stream().mapToDouble(line -> Double.parseDouble(line.split("，")[1])).sum());
        form.put(ClassFilingProcess.Vars.CURRICULUM, String.join("\n", curriculum));
        return form;
    }

    private ProcessInstance file(Map<String, Object> form) {
        Map<String, Object> variables = new HashMap<>(form);
        variables.put(ClassFilingProcess.Vars.INITIATOR, INSTITUTION_USER);
        return runtimeService.startProcessInstanceByKey(ClassFilingProcess.KEY, variables);
    }

    private void decide(Task review, String decision, String comment, String overrideReason) {
        taskService.claim(review.getId(), APPROVER);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ClassFilingProcess.Vars.REVIEW_DECISION, decision);
        variables.put(ClassFilingProcess.Vars.REVIEW_COMMENT, comment);
        variables.put(ClassFilingProcess.Vars.OVERRIDE_REASON, overrideReason);
        try {
            taskService.complete(review.getId(), variables);
        } finally {
            if (taskService.createTaskQuery().taskId(review.getId()).count() == 1) {
                taskService.setAssignee(review.getId(), null);
            }
        }
    }

    private Task reviewTask(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_REVIEW_FILING).singleResult();
    }

    private TrainingClass classOf(ProcessInstance instance) {
        Long classId = (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(ClassFilingProcess.Vars.CLASS_ID).singleResult().getValue();
        return filings.find(classId);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private void assertTrainingClassStarted(TrainingClass trainingClass) {
        ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery().processDefinitionKey(TrainingClassProcess.KEY)
                .processInstanceBusinessKey(trainingClass.classNumber()).singleResult();
        assertThat(lifecycle).isNotNull();
        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TrainingClassProcess.Elements.TASK_PLAN_DISPATCH);
        assertThat(runtimeService.getVariable(lifecycle.getId(), TrainingClassProcess.Vars.CLASS_ID))
                .isEqualTo(trainingClass.id());
    }

    private void executeJob(ProcessInstance instance) {
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).timers().count() > 0
                ? managementService.createJobQuery().processInstanceId(instance.getId()).messages().singleResult()
                : managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(job).as("an async job is waiting").isNotNull();
        managementService.executeJob(job.getId());
    }

    private void executeTimer(ProcessInstance instance, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
        assertThat(timer.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        managementService.executeJob(timer.getId());
    }

    private static void moveClockTo(Date time) {
        ClockUtil.setCurrentTime(new Date(time.getTime() + 1000));
    }
}
