package cn.ganxun.survey;

import static cn.ganxun.survey.NeedsSurveyProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Groups;
import cn.ganxun.survey.NeedsSurveyProcess.Vars;
import cn.ganxun.survey.SurveySchedules.NewSchedule;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.EngineSteps;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * needs-survey (需求调研) with the engine, every path: opening on its first day (waiting when it starts later), unit HR
 * following up with response rates and chasing the cadres who have not answered (R37), the close while follow-ups are
 * open and after they ended, the report by unit, level and category kept in the needs archive and reviewed by the org
 * department (R38), and the half-year schedule launching a survey every six months (R38). Timers are jobs fired by
 * moving the engine clock.
 */
@GanxunTest
@AlsoOnPostgres
class NeedsSurveyProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired QuestionnaireService questionnaires;
    @Autowired SurveyService surveys;
    @Autowired AnonymousAnswers answers;
    @Autowired SurveyReportService reports;
    @Autowired SurveySchedules schedules;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired Mailbox mailbox;
    @Autowired JdbcClient jdbc;
    @Autowired EngineSteps steps;

    SurveyFixture f;
    List<Long> unitOne;
    List<Long> unitTwo;
    String codeOne;
    String codeTwo;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
        mailbox.clear();
        f = new SurveyFixture(questionnaires);
        unitOne = SurveyFixture.unitWithCadres(fixtures, "调研一局", 4);
        unitTwo = SurveyFixture.unitWithCadres(fixtures, "调研二局", 2);
        codeOne = SurveyFixture.code(jdbc, unitOne.get(0));
        codeTwo = SurveyFixture.code(jdbc, unitTwo.get(0));
        directory.user("ns-hr-" + codeOne, Groups.UNIT_HR, Groups.unitHr(codeOne));
        directory.bindToUnit("ns-hr-" + codeOne, unitOne.get(0));
        directory.user("ns-org", Groups.ORG_DEPT);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void r37_r38_unitHrChasesNonRespondentsThenTheReportIsArchivedAndReviewed() throws Exception {
        long surveyId = SurveyFixture.open(surveys, managementService, f.survey("2027年上半年培训需求调研", List.of(codeOne, codeTwo)));
        ProcessInstance pi = instance(surveyId);
        assertThat(pi.getBusinessKey()).isEqualTo("NS" + surveyId);
        assertThat(surveys.find(surveyId).status()).isEqualTo(NeedsSurvey.OPEN);

        // R37: one follow-up per target unit, for that unit's HR only, due at the close
        List<Task> followUps = tasks(pi, TASK_WATCH_RESPONSES);
        assertThat(followUps).hasSize(2);
        Task one = followUpOf(pi, unitOne.get(0));
        assertThat(candidateGroups(one)).containsExactly(Groups.unitHr(codeOne));
        assertThat(one.getDueDate()).isEqualTo(EngineClock.toDate(EngineClock.today().plusDays(7).atStartOfDay()));
        assertThat(candidateGroups(followUpOf(pi, unitTwo.get(0)))).containsExactly(Groups.unitHr(codeTwo));
        assertThat((String) taskService.getVariable(one.getId(), Vars.FORM_INFO)).contains("已答 0 / 4 人");

        // three of unit one's four cadres answer; the unit's HR sees 3 / 4 and chases the fourth, who has an e-mail
        for (int i = 1; i <= 3; i++) {
            answers.submit(surveyId, unitOne.get(i), f.staffAnswers(i, 3 + i % 3, "希望增加数字化履职培训"));
        }
        String late = "ns-late-" + unitOne.get(4) + "@test.ganxun.local";
        jdbc.sql("UPDATE cadre SET email = ? WHERE id = ?").params(late, unitOne.get(4)).update();
        Task refreshed = followUpOf(pi, unitOne.get(0));
        assertThatThrownBy(() -> steps.complete(refreshed, "ns-hr-" + codeOne, Map.of(Vars.FOLLOW_UP_DECISION, "CHASE",
                Vars.UNIT_ID, unitTwo.get(0)))).as("a unit's HR cannot chase another unit by sending its id")
                .hasRootCauseInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> steps.complete(refreshed, "ns-hr-" + codeOne, Map.of()))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("请选择");
        steps.complete(refreshed, "ns-hr-" + codeOne, Map.of(Vars.FOLLOW_UP_DECISION, "CHASE"));
        steps.executeJob(pi, TASK_CHASE_NON_RESPONDENTS);
        assertThat(mailbox.subjectsTo(late)).containsExactly("【需求调研提醒】2027年上半年培训需求调研");
        assertThat(Mailbox.bodyOf(mailbox.to(late).get(0))).contains("匿名");
        assertThat(mailbox.to(late)).hasSize(1);
        Task again = followUpOf(pi, unitOne.get(0));
        assertThat((String) taskService.getVariable(again.getId(), Vars.FORM_INFO)).contains("已答 3 / 4 人", "提醒 1 人");
        answers.submit(surveyId, unitOne.get(4), f.staffAnswers(2, 5, ""));
        steps.complete(again, "ns-hr-" + codeOne, Map.of(Vars.FOLLOW_UP_DECISION, "DONE"));
        answers.submit(surveyId, unitTwo.get(1), f.staffAnswers(1, 2, "基层治理"));
        steps.complete(followUpOf(pi, unitTwo.get(0)), "ns-hr-" + codeTwo, Map.of(Vars.FOLLOW_UP_DECISION, "DONE"));

        // the units are done early; the survey waits for its close date, then closes, reports and archives
        BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_SURVEY_CLOSES);
        steps.fireTimer(pi, EVENT_SURVEY_CLOSES, EngineClock.toDate(EngineClock.today().plusDays(7).atStartOfDay()));
        steps.executeJob(pi, TASK_CLOSE_SURVEY);
        assertThat(surveys.find(surveyId).status()).isEqualTo(NeedsSurvey.CLOSED);
        steps.executeJob(pi, TASK_BUILD_REPORT);
        Task review = task(pi, TASK_REVIEW_REPORT);
        assertThat(candidateGroups(review)).containsExactly(Groups.ORG_DEPT);
        assertThat((String) taskService.getVariable(review.getId(), Vars.FORM_INFO))
                .contains("有效答卷 5 份", "/api/surveys/" + surveyId + "/report/pdf");
        steps.complete(review, "ns-org", Map.of(Vars.REVIEW_REMARKS, "数字化履职需求突出，建议新设专题班。"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(TASK_OPEN_SURVEY, TASK_CHASE_NON_RESPONDENTS, EVENT_SURVEY_CLOSES,
                TASK_CLOSE_SURVEY, TASK_BUILD_REPORT, TASK_REVIEW_REPORT, END_REPORT_ARCHIVED).hasNotPassed(BOUNDARY_SURVEY_CLOSES);

        // R38: the needs archive holds the report, its PDF and the review
        assertThat(reports.archive()).filteredOn(e -> e.surveyId() == surveyId).singleElement().satisfies(e -> {
            assertThat(e.respondents()).isEqualTo(5);
            assertThat(e.targeted()).isEqualTo(6);
            assertThat(e.reviewedBy()).isEqualTo("ns-org");
            assertThat(e.reviewRemarks()).contains("专题班");
        });
        String pdf = text(reports.archivedPdf(surveyId));
        assertThat(pdf).contains("2027年上半年培训需求调研", "调研一局", "调研二局", "本单位最需要加强的培训方向", "科员及以下",
                "不足 3 人，不予显示", "希望增加数字化履职培训");
    }

    @Test
    void r37_theCloseEndsOpenFollowUpsAndLaterAnswersAreRefused() {
        long surveyId = SurveyFixture.open(surveys, managementService, f.survey("截止测试", List.of(codeOne)));
        ProcessInstance pi = instance(surveyId);
        answers.submit(surveyId, unitOne.get(1), f.staffAnswers(1, 4, ""));
        steps.fireTimer(pi, BOUNDARY_SURVEY_CLOSES, EngineClock.toDate(EngineClock.today().plusDays(7).atStartOfDay()));
        assertThat(tasks(pi, TASK_WATCH_RESPONSES)).isEmpty();
        assertThatThrownBy(() -> answers.submit(surveyId, unitOne.get(2), f.staffAnswers(1, 4, "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("R37").hasMessageContaining("截止");
        steps.executeJob(pi, TASK_CLOSE_SURVEY);
        assertThatThrownBy(() -> answers.submit(surveyId, unitOne.get(2), f.staffAnswers(1, 4, "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("R37").hasMessageContaining("截止");
        steps.executeJob(pi, TASK_BUILD_REPORT);
        steps.complete(task(pi, TASK_REVIEW_REPORT), "ns-org", Map.of());
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(BOUNDARY_SURVEY_CLOSES, TASK_CLOSE_SURVEY, END_REPORT_ARCHIVED)
                .hasNotPassed(EVENT_SURVEY_CLOSES, TASK_CHASE_NON_RESPONDENTS);
        assertThat(reports.report(surveyId).questions().get(0).overall().suppressed()).as("one answer: below 3").isTrue();
    }

    @Test
    void r37_aSurveyThatStartsLaterWaitsAndTakesNoAnswerBeforeItsFirstDay() {
        LocalDate opens = EngineClock.today().plusDays(10);
        long surveyId = surveys.launch(new NewSurvey(f.questionnaireId, "下月调研", opens, opens.plusDays(4), List.of(codeOne)),
                "ns-org", null);
        ProcessInstance pi = instance(surveyId);
        BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_SURVEY_OPENS);
        assertThatThrownBy(() -> answers.submit(surveyId, unitOne.get(1), f.staffAnswers(1, 4, "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("R37").hasMessageContaining("尚不能提交");
        steps.fireTimer(pi, EVENT_SURVEY_OPENS, EngineClock.toDate(opens.atStartOfDay()));
        assertThat(surveys.find(surveyId).status()).isEqualTo(NeedsSurvey.OPEN);
        answers.submit(surveyId, unitOne.get(1), f.staffAnswers(1, 4, ""));
        assertThat(tasks(pi, TASK_WATCH_RESPONSES)).hasSize(1);
    }

    @Test
    void r38_aHalfYearScheduleLaunchesANewSurveyEverySixMonths() {
        LocalDate today = EngineClock.today();
        long scheduleId = schedules.create(new NewSchedule(f.questionnaireId, "常态化培训需求调研", List.of(codeOne), today,
                null, 20), "ns-org");
        try {
            assertThat(schedules.list()).filteredOn(s -> s.id() == scheduleId).singleElement()
                    .satisfies(s -> assertThat(s.everyMonths()).as("half a year by default").isEqualTo(6));
            runScheduleCheck(today.plusDays(1));
            List<NeedsSurvey> first = launchedBy(scheduleId);
            assertThat(first).singleElement().satisfies(s -> {
                assertThat(s.opensOn()).isEqualTo(today.plusDays(1));
                assertThat(s.closesOn()).isEqualTo(today.plusDays(20));
                assertThat(s.title()).startsWith("常态化培训需求调研（");
            });
            assertThat(schedules.list()).filteredOn(s -> s.id() == scheduleId).singleElement()
                    .satisfies(s -> assertThat(s.nextRunOn()).isEqualTo(today.plusMonths(6)));
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(first.get(0).number()).count())
                    .isOne();

            runScheduleCheck(today.plusMonths(3));
            assertThat(launchedBy(scheduleId)).as("nothing due in between").hasSize(1);
            runScheduleCheck(today.plusMonths(6));
            assertThat(launchedBy(scheduleId)).hasSize(2);
            assertThat(schedules.list()).filteredOn(s -> s.id() == scheduleId).singleElement()
                    .satisfies(s -> assertThat(s.nextRunOn()).isEqualTo(today.plusMonths(12)));
        } finally {
            schedules.deactivate(scheduleId);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Moves the clock to 01:00 of the day, fires the daily timer start event and runs the launch it starts. */
    private void runScheduleCheck(LocalDate day) {
        ClockUtil.setCurrentTime(EngineClock.toDate(day.atTime(1, 0)));
        Job timer = managementService.createJobQuery().processDefinitionKey(NeedsSurveyProcess.KEY).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        managementService.executeJob(timer.getId());
        for (Job job : managementService.createJobQuery().processDefinitionKey(NeedsSurveyProcess.KEY).messages()
                .activityId(TASK_LAUNCH_SCHEDULED_SURVEYS).list()) {
            managementService.executeJob(job.getId());
        }
    }

    private List<NeedsSurvey> launchedBy(long scheduleId) {
        return surveys.list().stream().filter(s -> s.scheduleId() != null && s.scheduleId() == scheduleId).toList();
    }

    private ProcessInstance instance(long surveyId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(surveys.processInstanceId(surveyId)).singleResult();
    }

    private Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private List<Task> tasks(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    private Task followUpOf(ProcessInstance pi, long unitId) {
        return tasks(pi, TASK_WATCH_RESPONSES).stream()
                .filter(t -> ((Number) taskService.getVariable(t.getId(), Vars.UNIT_ID)).longValue() == unitId)
                .findFirst().orElseThrow();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
