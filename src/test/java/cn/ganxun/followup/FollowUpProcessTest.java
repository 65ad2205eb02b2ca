package cn.ganxun.followup;

import static cn.ganxun.followup.FollowUpProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;

import cn.ganxun.feedback.UnitFeedbackProcess;
import cn.ganxun.followup.FollowUpProcess.Vars;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.EngineSteps;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * follow-up (训后跟踪问效) with the engine, every path: seminar held, summaries written, chased and listed as missing
 * (R26), sample confirmed or redrawn with a reason (R27), interviews logged and visits done, overdue visits escalated
 * to the lead (R27), half-year reports drafted and published (R28), and the close after one and after three years
 * (R24) with final evaluations (R29), the archive (R3a) and the follow-up feedback to the units (R30). Timers are jobs
 * in the database and are fired by moving the engine clock.
 */
@GanxunTest
@AlsoOnPostgres
class FollowUpProcessTest {

    private static final String SUMMARY = "通过本次培训，系统学习了党的创新理论，结合本职工作制定了三项改进措施，"
            + "并在科室内开展了专题分享，群众办事等待时间明显缩短，工作作风进一步转变。";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired FollowUpService followUps;
    @Autowired SampleDrawService samples;
    @Autowired UnitVisitService visits;
    @Autowired VisitEscalation escalation;
    @Autowired HalfYearReportService reports;
    @Autowired IndicatorCatalog catalog;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired TestDirectory directory;
    @Autowired Mailbox mailbox;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired JdbcClient jdbc;
    @Autowired EngineSteps steps;

    FollowUpClass k;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
        k = new FollowUpClass(fixtures, completion, directory, jdbc);
        directory.user("fu-inst", Groups.INSTITUTION, k.institutionGroup);
        directory.bindToInstitution("fu-inst", k.institutionId);
        directory.user("fu-team", Groups.FOLLOW_UP_TEAM);
        directory.user("fu-lead", Groups.FOLLOW_UP_TEAM, Groups.FOLLOW_UP_LEAD);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void r24_r26_r27_r28_r29_r30_oneYearFromSeminarToClose() {
        ProcessInstance pi = start();
        FollowUp f = followUps.ofClass(k.classId);
        assertThat(f.startsOn()).isEqualTo(k.endDate);
        assertThat(f.endsOn()).as("R24: one year by default").isEqualTo(k.endDate.plusYears(1));
        assertThat(f.seminarDueOn()).as("R26: within 1-3 months").isEqualTo(k.endDate.plusMonths(2));
        assertThat(f.visitsDueOn()).as("R27: within the year").isEqualTo(k.endDate.plusMonths(10));
        assertThat(followUps.ofProcess(pi.getId()).id()).isEqualTo(f.id());

        // R26: the institution's seminar; a date before the class ended is refused and nothing is lost
        Task seminar = task(pi, TASK_HOLD_SEMINAR);
        assertThat(seminar.getDueDate()).isEqualTo(endOfDay(f.seminarDueOn()));
        assertThat(candidateGroups(seminar)).containsExactly(k.institutionGroup);
        assertThat((String) taskService.getVariable(seminar.getId(), Vars.FORM_INFO)).contains(f.seminarDueOn().toString());
        assertThatThrownBy(() -> steps.complete(seminar, "fu-inst", seminarVars(k.endDate.minusDays(1))))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("不能早于培训班结业日期");
        steps.complete(seminar, "fu-inst", seminarVars(EngineClock.today()));
        assertThat(followUps.seminars(f.id())).singleElement().satisfies(s -> {
            assertThat(s.place()).isEqualTo("党校三号教室");
            assertThat(s.recordedBy()).isEqualTo("fu-inst");
        });

        // R26: one summary task per trainee, to the bound account or to the institution on the trainee's behalf, each
        // with its own due and overdue timers
        List<Task> summaries = tasks(pi, TASK_WRITE_LEARNING_SUMMARY);
        assertThat(summaries).hasSize(3);
        assertThat(timers(pi, BOUNDARY_SUMMARY_DUE)).hasSize(3);
        assertThat(timers(pi, BOUNDARY_SUMMARY_OVERDUE)).hasSize(3);
        Task leaderSummary = summaryOf(pi, k.leader);
        assertThat(candidateUsers(leaderSummary)).containsExactly(k.leaderAccount);
        assertThat(candidateGroups(leaderSummary)).isEmpty();
        assertThat(leaderSummary.getName()).contains(k.name(jdbc, k.leader));
        assertThat(candidateGroups(summaryOf(pi, k.staffOne))).containsExactly(k.institutionGroup);
        assertThatThrownBy(() -> steps.complete(leaderSummary, k.leaderAccount, Map.of(Vars.SUMMARY_CONTENT, "太短")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("不少于50字");
        steps.complete(leaderSummary, k.leaderAccount, Map.of(Vars.SUMMARY_CONTENT, SUMMARY));
        steps.complete(summaryOf(pi, k.staffOne), "fu-inst", Map.of(Vars.SUMMARY_CONTENT, SUMMARY));
        steps.complete(summaryOf(pi, k.staffTwo), "fu-inst", Map.of(Vars.SUMMARY_CONTENT, SUMMARY));
        assertThat(followUps.summaries(f.id())).extracting(LearningSummary::status).containsOnly(LearningSummary.SUBMITTED);
        assertThat(followUps.summary(f.id(), k.staffOne).writtenBy()).isEqualTo("fu-inst");
        assertThat(timers(pi, BOUNDARY_SUMMARY_DUE)).as("a written summary ends its timers").isEmpty();
        BpmnAwareTests.assertThat(pi).hasPassed(TASK_LIST_MISSING_SUMMARIES, END_SUMMARIES_WRITTEN)
                .hasNotPassed(TASK_REVIEW_MISSING_SUMMARIES);

        // R27: the system drew the sample (one per unit at least); the lead confirms; one visit task per sampled trainee
        Task review = task(pi, TASK_REVIEW_SAMPLE);
        assertThat(candidateGroups(review)).containsExactly(Groups.FOLLOW_UP_LEAD);
        assertThat(samples.current(f.id()).sample()).hasSize(2);
        steps.complete(review, "fu-lead", Map.of(Vars.SAMPLE_DECISION, "CONFIRM"));
        List<Task> visitTasks = tasks(pi, TASK_VISIT_UNIT);
        assertThat(visitTasks).hasSize(2).allSatisfy(t -> {
            assertThat(t.getDueDate()).isEqualTo(endOfDay(f.visitsDueOn()));
            assertThat(candidateGroups(t)).containsExactly(Groups.FOLLOW_UP_TEAM);
        });
        for (Task visitTask : visitTasks) {
            UnitVisit visit = visits.visit(visitId(visitTask));
            String indicator = catalog.forLevel(visit.traineeLevel()).get(0).code();
            assertThatThrownBy(() -> steps.complete(visitTask, "fu-team", Map.of())).hasRootCauseInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("尚未登记访谈记录");
            steps.complete(visitTask, "fu-team", interviewVars(indicator + "，单位领导，90\n" + indicator + "，同事，80"));
        }
        assertThat(visits.visits(f.id())).extracting(UnitVisit::status).containsOnly(VisitStatus.DONE);

        // R28: the first half-year report when six months have passed; the institution publishes it with remarks
        BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_REPORT_PERIOD_ENDED);
        steps.fireTimer(pi, EVENT_REPORT_PERIOD_ENDED, endOfDay(f.periodEndsOn(1)));
        steps.executeJob(pi, TASK_DRAFT_REPORT);
        Task publish = task(pi, TASK_PUBLISH_REPORT);
        assertThat(candidateGroups(publish)).containsExactly(k.institutionGroup);
        assertThat((String) taskService.getVariable(publish.getId(), Vars.FORM_INFO)).contains("第 1 期", "/pdf");
        steps.complete(publish, "fu-inst", Map.of(Vars.REPORT_REMARKS, "学员普遍反映收获较大。"));

        // R24: the work is done early; the follow-up waits for its year to end, as a timer job in the database
        BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_FOLLOW_UP_PERIOD_ENDED);
        assertThat(timerDueDates(pi)).containsExactly(endOfDay(f.endsOn()));
        steps.fireTimer(pi, EVENT_FOLLOW_UP_PERIOD_ENDED, endOfDay(f.endsOn()));
        steps.executeJob(pi, TASK_CLOSE_FOLLOW_UP);

        // R29, R3a: a final evaluation per trainee; R30: the follow-up feedback goes to the units
        assertThat(followUps.find(f.id()).status()).isEqualTo(FollowUp.CLOSED);
        List<FollowUpEvaluation> evaluations = followUps.evaluations(f.id());
        assertThat(evaluations).hasSize(3).allSatisfy(e -> assertThat(e.summarySubmitted()).isTrue());
        assertThat(evaluations).filteredOn(FollowUpEvaluation::visited).hasSize(2)
                .allSatisfy(e -> assertThat(e.scores().combined()).isNotNull());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitFeedbackProcess.KEY)
                .processInstanceBusinessKey(k.classNumber).variableValueEquals("occasion", "FOLLOW_UP").count()).isOne();

        // R28: the last report, with the final evaluations, then the process ends
        steps.executeJob(pi, TASK_DRAFT_FINAL_REPORT);
        steps.complete(task(pi, TASK_PUBLISH_FINAL_REPORT), "fu-inst", Map.of(Vars.REPORT_REMARKS, ""));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(TASK_HOLD_SEMINAR, TASK_ARRANGE_VISITS, TASK_DRAFT_REPORT,
                TASK_CLOSE_FOLLOW_UP, TASK_REQUEST_FOLLOW_UP_FEEDBACK, TASK_PUBLISH_FINAL_REPORT, END_FOLLOW_UP_CLOSED)
                .hasNotPassed(TASK_CHASE_SUMMARY, TASK_ESCALATE_OVERDUE_VISITS, BOUNDARY_FOLLOW_UP_PERIOD_OVER);
        assertThat(jdbc.sql("SELECT period_no, status FROM half_year_report WHERE follow_up_id = ? ORDER BY period_no")
                .param(f.id()).query((rs, n) -> rs.getInt(1) + ":" + rs.getString(2)).list())
                .containsExactly("1:PUBLISHED", "2:PUBLISHED");
    }

    @Test
    void r26_missingSummariesAreChasedOnceEachThenListedForTheInstitution() throws Exception {
        jdbc.sql("UPDATE cadre SET email = ? WHERE id = ?").params("fu-staff-" + k.staffOne + "@test.ganxun.local", k.staffOne)
                .update();
        ProcessInstance pi = start();
        FollowUp f = followUps.ofClass(k.classId);
        steps.complete(summaryOf(pi, k.staffTwo), "fu-inst", Map.of(Vars.SUMMARY_CONTENT, SUMMARY));
        assertThat(timers(pi, BOUNDARY_SUMMARY_DUE)).as("one due timer per trainee still owing").hasSize(2)
                .allSatisfy(t -> assertThat(t.getDuedate()).isEqualTo(endOfDay(f.summariesDueOn())));

        // each trainee's timer fires on its own, and its job chases that trainee (one job per trainee, retried on failure)
        assertThat(timers(pi, BOUNDARY_SUMMARY_DUE)).allSatisfy(t -> assertThat(t.getRetries()).isEqualTo(5));
        assertThat(steps.fireTimers(pi, BOUNDARY_SUMMARY_DUE, endOfDay(f.summariesDueOn()))).isEqualTo(2);
        assertThat(tasks(pi, TASK_WRITE_LEARNING_SUMMARY)).as("the chase leaves the tasks open").hasSize(2);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TASK_CHASE_SUMMARY).count())
                .isZero();
        String staffMail = "fu-staff-" + k.staffOne + "@test.ganxun.local";
        assertThat(mailbox.subjectsTo(staffMail)).containsExactly("【学习心得催交】" + k.name(jdbc, k.staffOne) + " 测试班" + k.classNumber);
        assertThat(mailbox.to(directory.email(k.leaderAccount))).hasSize(1);
        assertThat(followUps.chaseSummary(f.id(), k.staffOne)).isTrue();
        assertThat(mailbox.to(staffMail)).as("chased once, whatever is retried").hasSize(1);
        assertThat(followUps.summary(f.id(), k.staffOne).chasedAt()).isNotNull();
        assertThat(followUps.summary(f.id(), k.staffTwo).chasedAt()).as("written in time: not chased").isNull();

        // the leader writes after the chase, within the grace period: their overdue timer ends with the task
        steps.complete(summaryOf(pi, k.leader), k.leaderAccount, Map.of(Vars.SUMMARY_CONTENT, SUMMARY));
        assertThat(timers(pi, BOUNDARY_SUMMARY_OVERDUE)).hasSize(1);
        assertThat(steps.fireTimers(pi, BOUNDARY_SUMMARY_OVERDUE, endOfDay(followUps.missingListedOn(f)))).isEqualTo(1);
        assertThat(tasks(pi, TASK_WRITE_LEARNING_SUMMARY)).isEmpty();
        Task missing = task(pi, TASK_REVIEW_MISSING_SUMMARIES);
        assertThat(candidateGroups(missing)).containsExactly(k.institutionGroup);
        assertThat((String) taskService.getVariable(missing.getId(), Vars.FORM_INFO))
                .contains(k.name(jdbc, k.staffOne)).doesNotContain(k.name(jdbc, k.leader), k.name(jdbc, k.staffTwo));
        assertThat(runtimeService.getVariable(pi.getId(), Vars.MISSING_SUMMARY_COUNT)).isEqualTo(1);
        steps.complete(missing, "fu-inst", Map.of(Vars.MISSING_ACKNOWLEDGED, true));
        assertThat(followUps.summaries(f.id())).extracting(LearningSummary::cadreId, LearningSummary::status)
                .containsExactlyInAnyOrder(tuple(k.leader, LearningSummary.SUBMITTED),
                        tuple(k.staffOne, LearningSummary.MISSING),
                        tuple(k.staffTwo, LearningSummary.SUBMITTED));
        BpmnAwareTests.assertThat(pi).hasPassed(TASK_CHASE_SUMMARY, END_SUMMARY_OVERDUE, TASK_LIST_MISSING_SUMMARIES,
                TASK_REVIEW_MISSING_SUMMARIES).hasNotPassed(END_SUMMARIES_WRITTEN);
    }

    @Test
    void r26_aChaseTheMailServerRefusesIsRetriedByItsTimerAndSentOnce() throws Exception {
        ProcessInstance pi = start();
        FollowUp f = followUps.ofClass(k.classId);
        steps.complete(summaryOf(pi, k.staffOne), "fu-inst", Map.of(Vars.SUMMARY_CONTENT, SUMMARY));
        steps.complete(summaryOf(pi, k.staffTwo), "fu-inst", Map.of(Vars.SUMMARY_CONTENT, SUMMARY));
        Job timer = timers(pi, BOUNDARY_SUMMARY_DUE).get(0);
        ClockUtil.setCurrentTime(new Date(endOfDay(f.summariesDueOn()).getTime() + 60_000));
        int smtpPort = mailSender.getPort();
        mailSender.setPort(Mailbox.closedPort());
        try {
            assertThatThrownBy(() -> managementService.executeJob(timer.getId())).hasMessageContaining("邮件发送失败");
        } finally {
            mailSender.setPort(smtpPort);
        }
        Job failed = managementService.createJobQuery().jobId(timer.getId()).singleResult();
        assertThat(failed.getExceptionMessage()).as("the timer job failed whole: rolled back, kept for a retry").isNotBlank();
        assertThat(followUps.summary(f.id(), k.leader).chasedAt()).isNull();
        assertThat(mailbox.to(directory.email(k.leaderAccount))).isEmpty();

        ClockUtil.setCurrentTime(new Date(failed.getDuedate().getTime() + 1_000));
        managementService.executeJob(timer.getId());
        assertThat(mailbox.to(directory.email(k.leaderAccount))).hasSize(1);
        assertThat(followUps.summary(f.id(), k.leader).chasedAt()).isNotNull();
        assertThat(timers(pi, BOUNDARY_SUMMARY_DUE)).isEmpty();
        assertThat(tasks(pi, TASK_WRITE_LEARNING_SUMMARY)).as("still the leader's to write").hasSize(1);
    }

    @Test
    void r27_aRedrawNeedsAReasonAndKeepsTheFirstDraw() {
        ProcessInstance pi = start();
        FollowUp f = followUps.ofClass(k.classId);
        Task review = task(pi, TASK_REVIEW_SAMPLE);
        assertThatThrownBy(() -> steps.complete(review, "fu-lead", Map.of(Vars.SAMPLE_DECISION, "REDRAW", Vars.REDRAW_REASON, " ")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("重新抽样须说明理由（R27）");
        assertThat(samples.history(f.id())).hasSize(1);

        steps.complete(review, "fu-lead", Map.of(Vars.SAMPLE_DECISION, "REDRAW", Vars.REDRAW_REASON, "一名学员长期病假，无法走访"));
        Task again = task(pi, TASK_REVIEW_SAMPLE);
        assertThat(again.getId()).isNotEqualTo(review.getId());
        assertThat((String) taskService.getVariable(again.getId(), Vars.FORM_INFO)).contains("第 2 次抽样", "一名学员长期病假");
        List<SampleDraw> history = samples.history(f.id());
        assertThat(history).extracting(SampleDraw::drawNo).containsExactly(1, 2);
        assertThat(history.get(1).reason()).isEqualTo("一名学员长期病假，无法走访");
        assertThat(history.get(1).drawnBy()).isEqualTo("fu-lead");
        assertThat(history).allSatisfy(d -> assertThat(samples.reproduces(d.id())).isTrue());

        steps.complete(again, "fu-lead", Map.of(Vars.SAMPLE_DECISION, "CONFIRM"));
        assertThat(tasks(pi, TASK_VISIT_UNIT)).hasSize(2);
        assertThat(jdbc.sql("SELECT DISTINCT draw_id FROM unit_visit WHERE follow_up_id = ?").param(f.id())
                .query(Long.class).list()).containsExactly(history.get(1).id());
        assertThat(jdbc.sql("SELECT confirmed_by FROM sample_draw WHERE id = ?").param(history.get(1).id())
                .query(String.class).single()).isEqualTo("fu-lead");
    }

    @Test
    void r27_overdueVisitsEscalateToTheLeadOnce() throws Exception {
        ProcessInstance pi = start();
        FollowUp f = followUps.ofClass(k.classId);
        steps.complete(task(pi, TASK_REVIEW_SAMPLE), "fu-lead", Map.of(Vars.SAMPLE_DECISION, "CONFIRM"));
        List<Task> open = tasks(pi, TASK_VISIT_UNIT);
        Task done = open.get(0);
        long doneVisit = visitId(done);
        String indicator = catalog.forLevel(visits.visit(doneVisit).traineeLevel()).get(0).code();
        steps.complete(done, "fu-team", interviewVars(indicator + "，自评，75"));

        steps.fireTimer(pi, BOUNDARY_VISITS_OVERDUE, endOfDay(f.visitsDueOn()));
        steps.executeJob(pi, TASK_ESCALATE_OVERDUE_VISITS);
        Task overdue = task(pi, TASK_VISIT_UNIT);
        assertThat(candidateGroups(overdue)).containsExactlyInAnyOrder(Groups.FOLLOW_UP_TEAM, Groups.FOLLOW_UP_LEAD);
        assertThat(overdue.getPriority()).isEqualTo(VisitEscalation.ESCALATED_PRIORITY);
        assertThat(visits.visit(visitId(overdue)).escalatedAt()).isNotNull();
        assertThat(visits.visit(doneVisit).escalatedAt()).as("a done visit is not escalated").isNull();
        String subject = "【走访逾期督办】测试班" + k.classNumber + " 1 名学员未按期走访";
        assertThat(mailbox.subjectsTo(directory.email("fu-lead"))).containsOnlyOnce(subject);

        assertThat(escalation.escalateOverdue(pi.getId())).as("a second run escalates nothing").isEmpty();
        assertThat(candidateGroups(task(pi, TASK_VISIT_UNIT))).hasSize(2);
        assertThat(mailbox.subjectsTo(directory.email("fu-lead"))).as("no second mail after a retry").containsOnlyOnce(subject);
    }

    @Test
    void r24_keyClassFollowedUpThreeYearsWithFiveInterimReportsAndCloseByTheEndTimer() {
        followUps.plan(k.classId, FollowUpKind.KEY, 3);
        ProcessInstance pi = start();
        FollowUp f = followUps.ofClass(k.classId);
        assertThat(f.years()).isEqualTo(3);
        assertThat(f.endsOn()).isEqualTo(k.endDate.plusYears(3));
        assertThat(f.reportPeriods()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ? AND TYPE_ = 'timer'")
                .param(pi.getId()).query(Integer.class).single())
                .as("timers are jobs in the database (each trainee's summary due and overdue, first report, end of follow-up)")
                .isEqualTo(3 * 2 + 2);

        for (int period = 1; period <= 5; period++) {
            steps.fireTimer(pi, EVENT_REPORT_PERIOD_ENDED, endOfDay(f.periodEndsOn(period)));
            steps.executeJob(pi, TASK_DRAFT_REPORT);
            steps.complete(task(pi, TASK_PUBLISH_REPORT), "fu-inst", Map.of(Vars.REPORT_REMARKS, "第" + period + "期意见"));
        }
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_HOLD_SEMINAR, TASK_REVIEW_SAMPLE)
                .hasPassed(END_INTERIM_REPORTS_DONE);

        // the follow-up period ends with work undone: the boundary timer on the period closes it
        steps.fireTimer(pi, BOUNDARY_FOLLOW_UP_PERIOD_OVER, endOfDay(k.endDate.plusYears(3)));
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        steps.executeJob(pi, TASK_CLOSE_FOLLOW_UP);
        steps.executeJob(pi, TASK_DRAFT_FINAL_REPORT);
        Task last = task(pi, TASK_PUBLISH_FINAL_REPORT);
        assertThat((String) taskService.getVariable(last.getId(), Vars.FORM_INFO)).contains("第 6 期（共 6 期）");
        steps.complete(last, "fu-inst", Map.of(Vars.REPORT_REMARKS, "三年跟踪结束。"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(BOUNDARY_FOLLOW_UP_PERIOD_OVER, END_FOLLOW_UP_CLOSED)
                .hasNotPassed(EVENT_FOLLOW_UP_PERIOD_ENDED);

        assertThat(followUps.summaries(f.id())).extracting(LearningSummary::status).containsOnly(LearningSummary.MISSING);
        assertThat(followUps.evaluations(f.id())).hasSize(3).allSatisfy(e -> {
            assertThat(e.visited()).isFalse();
            assertThat(e.scores().combined()).isNull();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM half_year_report WHERE follow_up_id = ? AND status = 'PUBLISHED'")
                .param(f.id()).query(Integer.class).single()).isEqualTo(6);
        assertThatThrownBy(() -> followUps.plan(k.classId, FollowUpKind.KEY, 2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("R24");
    }

    @Test
    void r26_r27_r28_whatASubmitterSendsCannotRedirectTheWork() {
        ProcessInstance pi = start();
        FollowUp f = followUps.ofProcess(pi.getId());
        Task own = summaryOf(pi, k.leader);
        assertThatThrownBy(() -> steps.complete(own, k.leaderAccount, Map.of(Vars.SUMMARY_CONTENT, SUMMARY,
                Vars.TRAINEE_ID, k.staffOne))).as("a trainee cannot write a classmate's summary")
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThat(followUps.summary(f.id(), k.staffOne).status()).isEqualTo(LearningSummary.DUE);

        FollowUpClass other = new FollowUpClass(fixtures, completion, directory, jdbc);
        long otherFollowUp = followUps.open(other.classId, null).id();
        samples.draw(otherFollowUp, "fu-lead");
        long foreignVisit = samples.confirm(otherFollowUp, "fu-lead").get(0);
        long foreignReport = reports.draft(otherFollowUp, 1);

        steps.complete(task(pi, TASK_REVIEW_SAMPLE), "fu-lead", Map.of(Vars.SAMPLE_DECISION, "CONFIRM"));
        Task visit = tasks(pi, TASK_VISIT_UNIT).get(0);
        assertThatThrownBy(() -> steps.complete(visit, "fu-team", Map.of(Vars.VISIT_ID, foreignVisit)))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("该走访不属于本班的训后跟踪");
        steps.fireTimer(pi, EVENT_REPORT_PERIOD_ENDED, endOfDay(f.periodEndsOn(1)));
        steps.executeJob(pi, TASK_DRAFT_REPORT);
        assertThatThrownBy(() -> steps.complete(task(pi, TASK_PUBLISH_REPORT), "fu-inst",
                Map.of(Vars.REPORT_ID, foreignReport, Vars.REPORT_REMARKS, "篡改")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("该报告不属于本班的训后跟踪");
        assertThat(reports.report(foreignReport).published()).isFalse();
    }

    // ------------------------------------------------------------------------------------------------------------

    private ProcessInstance start() {
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(FollowUpProcess.KEY).businessKey(k.classNumber)
                .setVariable(Vars.CLASS_ID, k.classId).execute();
        steps.executeJob(pi, TASK_OPEN_FOLLOW_UP);
        return pi;
    }

    private List<Date> timerDueDates(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
                .map(Job::getDuedate).toList();
    }

    private Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private List<Job> timers(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).list();
    }

    private List<Task> tasks(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    private Task summaryOf(ProcessInstance pi, long cadreId) {
        return tasks(pi, TASK_WRITE_LEARNING_SUMMARY).stream()
                .filter(t -> ((Number) taskService.getVariable(t.getId(), Vars.TRAINEE_ID)).longValue() == cadreId)
                .findFirst().orElseThrow();
    }

    private long visitId(Task task) {
        return ((Number) taskService.getVariable(task.getId(), Vars.VISIT_ID)).longValue();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private List<String> candidateUsers(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getUserId() != null).map(IdentityLink::getUserId).toList();
    }

    private static Map<String, Object> seminarVars(LocalDate heldOn) {
        return Map.of(Vars.SEMINAR_HELD_ON, heldOn.toString(), Vars.SEMINAR_PLACE, "党校三号教室",
                Vars.SEMINAR_ATTENDEES, "全体学员、派出单位代表", Vars.SEMINAR_MINUTES, "学员交流训后运用所学推动工作的做法。");
    }

    private static Map<String, Object> interviewVars(String scores) {
        return Map.of(Vars.INTERVIEW_HELD_ON, EngineClock.today().toString(), Vars.INTERVIEW_METHOD, "INDIVIDUAL_TALK",
                Vars.INTERVIEWEES, SpinValues.jsonValue(Spin.JSON(List.of("UNIT_LEADER", "COLLEAGUES")).toString()).create(),
                Vars.INTERVIEW_FINDINGS, "工作思路更加清晰，推动重点任务落实有力。", Vars.INTERVIEW_SCORES, scores);
    }

    private static Date endOfDay(LocalDate day) {
        return EngineClock.toDate(day.atTime(FollowUp.END_OF_DAY));
    }
}
