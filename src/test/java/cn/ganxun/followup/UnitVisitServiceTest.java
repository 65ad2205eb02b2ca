package cn.ganxun.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.FollowUpFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** R27/R29: interviews with indicator scores by source on the unit visits, completion, escalation, attachments. */
@GanxunTest
@AlsoOnPostgres
@Transactional
class UnitVisitServiceTest {

    @Autowired UnitVisitService visits;
    @Autowired SampleDrawService samples;
    @Autowired PostEvaluation postEvaluation;
    @Autowired IndicatorCatalog catalog;
    @Autowired TrainingFixtures fixtures;
    @Autowired FollowUpFixtures followUps;
    @Autowired JdbcClient jdbc;

    LocalDate classEnd;
    long followUp;
    long leader;
    long staff;
    UnitVisit leaderVisit;
    UnitVisit staffVisit;

    /** Two trainees in two units, so both are sampled: a county deputy (leader) and a staff member (grassroots). */
    @BeforeEach
    void setUp() {
        classEnd = EngineClock.today().minusDays(40);
        long classId = fixtures.trainingClass("走访测试", classEnd.minusDays(4), classEnd, true);
        leader = fixtures.cadre(fixtures.unit("走访测试局"), Rank.COUNTY_DEPUTY);
        staff = fixtures.cadre(fixtures.unit("走访测试街道"), Rank.STAFF);
        fixtures.enroll(classId, leader, "COMPLETED", 32.0);
        fixtures.enroll(classId, staff, "COMPLETED", 32.0);
        followUp = followUps.openFollowUp(classId, classEnd, classEnd.plusMonths(10));
        samples.draw(followUp, "followlead");
        List<Long> ids = samples.confirm(followUp, "followlead");
        List<UnitVisit> all = ids.stream().map(visits::visit).toList();
        leaderVisit = all.stream().filter(v -> v.cadreId() == leader).findFirst().orElseThrow();
        staffVisit = all.stream().filter(v -> v.cadreId() == staff).findFirst().orElseThrow();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static NewIndicatorScore score(String code, ScoreSource source, String points) {
        return new NewIndicatorScore(code, source, points == null ? null : new BigDecimal(points));
    }

    private NewInterview interview(LocalDate heldOn, NewIndicatorScore... scores) {
        return new NewInterview(heldOn, InterviewMethod.INDIVIDUAL_TALK, Set.of(Interviewee.TRAINEE, Interviewee.UNIT_LEADER),
                "能把培训所学用于推进重点工作", new ArrayList<>(Arrays.asList(scores)));
    }

    @Test
    void r29_indicatorsDifferByLevel() {
        assertThat(leaderVisit.traineeLevel()).isEqualTo(TraineeLevel.LEADER);
        assertThat(staffVisit.traineeLevel()).isEqualTo(TraineeLevel.GRASSROOTS);
        assertThat(catalog.forLevel(TraineeLevel.LEADER)).extracting(Indicator::code)
                .containsExactly("DECISION_RESULTS", "POLITICAL_QUALITY", "APPLIED_LEARNING");
        assertThat(catalog.forLevel(TraineeLevel.GRASSROOTS)).extracting(Indicator::code)
                .containsExactly("SERVICE_SATISFACTION", "POLICY_EXECUTION", "APPLIED_LEARNING");
        Indicator satisfaction = catalog.forLevel(TraineeLevel.GRASSROOTS).get(0);
        assertThat(satisfaction.name()).isEqualTo("群众服务满意度");
        assertThat(satisfaction.kind()).isEqualTo(Indicator.SUBJECTIVE);
        assertThat(satisfaction.range()).isEqualTo("0–100");

        // a grassroots indicator on a leader's visit is refused, naming the leader indicators
        assertThatThrownBy(() -> visits.logInterview(leaderVisit.id(),
                interview(classEnd.plusDays(10), score("SERVICE_SATISFACTION", ScoreSource.PUBLIC, "90")), "followup"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("指标「SERVICE_SATISFACTION」不是领导干部的评价指标（R29），可选：决策部署转化成效（DECISION_RESULTS）、"
                        + "政治素质提升（POLITICAL_QUALITY）、学以致用（APPLIED_LEARNING）");
    }

    @Test
    void r27_anInterviewIsLoggedWithItsScores() {
        long id = visits.logInterview(staffVisit.id(), new NewInterview(classEnd.plusDays(20), InterviewMethod.SEMINAR,
                Set.of(Interviewee.COLLEAGUES, Interviewee.SERVICE_USERS), "  窗口服务明显改进  ",
                List.of(score("SERVICE_SATISFACTION", ScoreSource.PUBLIC, "92.5"),
                        score("POLICY_EXECUTION", ScoreSource.COLLEAGUES, "88"))), "followup");

        List<Interview> logged = visits.interviews(staffVisit.id());
        assertThat(logged).hasSize(1);
        Interview interview = logged.get(0);
        assertThat(interview.id()).isEqualTo(id);
        assertThat(interview.method()).isEqualTo(InterviewMethod.SEMINAR);
        assertThat(interview.interviewees()).containsExactly(Interviewee.COLLEAGUES, Interviewee.SERVICE_USERS);
        assertThat(interview.findings()).isEqualTo("窗口服务明显改进");
        assertThat(interview.recordedBy()).isEqualTo("followup");
        assertThat(interview.scores()).extracting(Interview.Score::indicatorCode, Interview.Score::source, s -> s.score().toPlainString())
                .containsExactlyInAnyOrder(tuple("SERVICE_SATISFACTION", ScoreSource.PUBLIC, "92.5"),
                        tuple("POLICY_EXECUTION", ScoreSource.COLLEAGUES, "88.0"));
        assertThat(jdbc.sql("SELECT interviewees FROM interview WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("COLLEAGUES,SERVICE_USERS");
        assertThat(visits.visit(staffVisit.id()).interviews()).isEqualTo(1);
    }

    @Test
    void r27_badInterviewsAreRefusedNamingTheProblem() {
        long visit = leaderVisit.id();
        LocalDate ok = classEnd.plusDays(5);
        assertRefused(visit, interview(classEnd.minusDays(1)), "访谈日期不能早于培训班结业日期 " + classEnd);
        assertRefused(visit, interview(EngineClock.today().plusDays(1)), "访谈日期不能晚于今天 " + EngineClock.today());
        assertRefused(visit, interview(null), "请填写访谈日期");
        assertRefused(visit, new NewInterview(ok, null, Set.of(Interviewee.TRAINEE), "发现", List.of()),
                "请选择访谈方式：个别谈话、座谈会、问卷调查");
        assertRefused(visit, new NewInterview(ok, InterviewMethod.QUESTIONNAIRE, Set.of(), "发现", List.of()),
                "请选择访谈对象：学员本人、同事、单位领导、服务对象");
        assertRefused(visit, new NewInterview(ok, InterviewMethod.QUESTIONNAIRE, Set.of(Interviewee.TRAINEE), " ", List.of()),
                "请填写访谈发现");
        assertRefused(visit, interview(ok, score("DECISION_RESULTS", ScoreSource.SELF, "100.5")),
                "指标「决策部署转化成效」的得分须在 0–100 之间（R29）");
        assertRefused(visit, interview(ok, score("DECISION_RESULTS", ScoreSource.SELF, "-1")),
                "指标「决策部署转化成效」的得分须在 0–100 之间（R29）");
        assertRefused(visit, interview(ok, score("DECISION_RESULTS", ScoreSource.SELF, null)),
                "指标「决策部署转化成效」的得分须在 0–100 之间（R29）");
        assertRefused(visit, interview(ok, score("DECISION_RESULTS", ScoreSource.SELF, "80.25")),
                "指标「决策部署转化成效」的得分至多一位小数");
        assertRefused(visit, interview(ok, score("NO_SUCH", ScoreSource.SELF, "80")), "指标「NO_SUCH」不是领导干部的评价指标（R29）");
        assertRefused(visit, interview(ok, score("APPLIED_LEARNING", null, "80")), "指标「学以致用」须注明评分来源");
        assertRefused(visit, interview(ok, score("APPLIED_LEARNING", ScoreSource.COLLEAGUES, "80"),
                score("APPLIED_LEARNING", ScoreSource.COLLEAGUES, "70")), "指标「学以致用」的同事评价重复：同一次访谈每个来源只评一次");
        // every problem at once
        assertThatThrownBy(() -> visits.logInterview(visit, new NewInterview(classEnd.minusDays(1), null, null, null, null), "followup"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(InvalidInputException.Problem::field)
                        .containsExactly("heldOn", "method", "interviewees", "findings"));
        assertThatThrownBy(() -> visits.logInterview(-5, interview(ok), "followup"))
                .isInstanceOf(NotFoundException.class).hasMessage("走访记录不存在：-5");
        assertThat(visits.interviews(visit)).isEmpty();

        visits.logInterview(visit, interview(ok), "followup");
        visits.complete(visit, "followup");
        assertRefused(visit, interview(ok), "R27：该走访已走访，不能再登记访谈");
    }

    private void assertRefused(long visit, NewInterview interview, String message) {
        assertThatThrownBy(() -> visits.logInterview(visit, interview, "followup"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    }

    @Test
    void r27_completingAVisitNeedsAnInterview() {
        assertThatThrownBy(() -> visits.complete(staffVisit.id(), "followup"))
                .isInstanceOf(InvalidInputException.class).hasMessage("尚未登记访谈记录，不能结束走访（R27）");
        visits.logInterview(staffVisit.id(), interview(classEnd.plusDays(3)), "followup");
        visits.complete(staffVisit.id(), "followup");
        visits.complete(staffVisit.id(), "followup");

        UnitVisit done = visits.visit(staffVisit.id());
        assertThat(done.status()).isEqualTo(VisitStatus.DONE);
        assertThat(done.doneAt()).isNotNull();
        assertThat(jdbc.sql("SELECT done_by FROM unit_visit WHERE id = ?").param(staffVisit.id()).query(String.class).single())
                .isEqualTo("followup");
    }

    @Test
    void r29_sourceAveragesAndWeightedCombinedScore() {
        LocalDate first = classEnd.plusDays(10);
        LocalDate second = classEnd.plusDays(30);
        // logged out of date order: findings still come back by date
        visits.logInterview(leaderVisit.id(), new NewInterview(second, InterviewMethod.SEMINAR, Set.of(Interviewee.COLLEAGUES),
                "同事反映其推动项目落地有力", List.of(score("APPLIED_LEARNING", ScoreSource.UNIT_LEADER, "76"),
                        score("APPLIED_LEARNING", ScoreSource.COLLEAGUES, "77"))), "followup");
        visits.logInterview(leaderVisit.id(), new NewInterview(first, InterviewMethod.INDIVIDUAL_TALK, Set.of(Interviewee.TRAINEE),
                "本人谈学习体会", List.of(score("DECISION_RESULTS", ScoreSource.SELF, "90"),
                        score("DECISION_RESULTS", ScoreSource.COLLEAGUES, "80"), score("DECISION_RESULTS", ScoreSource.UNIT_LEADER, "70"),
                        score("POLITICAL_QUALITY", ScoreSource.SELF, "85"), score("POLITICAL_QUALITY", ScoreSource.COLLEAGUES, "75"))),
                "followup");

        SourceScores scores = postEvaluation.scoresFor(followUp, leader);
        assertThat(scores.level()).isEqualTo(TraineeLevel.LEADER);
        // self (90 + 85) / 2 = 87.5; colleagues (80 + 75 + 77) / 3 = 77.33 -> 77.3; unit leader (70 + 76) / 2 = 73.0
        assertThat(scores.self()).isEqualByComparingTo("87.5");
        assertThat(scores.colleagues()).isEqualByComparingTo("77.3");
        assertThat(scores.unitLeader()).isEqualByComparingTo("73.0");
        assertThat(scores.publicScore()).isNull();
        // leader weights 0.1 / 0.3 / 0.4 (public 0.2 absent): (8.75 + 23.19 + 29.2) / 0.8 = 61.14 / 0.8 = 76.425 -> 76.4
        assertThat(scores.combined()).isEqualByComparingTo("76.4");
        assertThat(scores.findings()).isEqualTo(first + " 个别谈话：本人谈学习体会\n" + second + " 座谈会：同事反映其推动项目落地有力");

        SourceScores unheard = postEvaluation.scoresFor(followUp, staff);
        assertThat(unheard.level()).isEqualTo(TraineeLevel.GRASSROOTS);
        assertThat(unheard.self()).isNull();
        assertThat(unheard.combined()).isNull();
        assertThat(unheard.findings()).isNull();

        // grassroots: public only -> the combined score is the public average (weights rescaled)
        visits.logInterview(staffVisit.id(), interview(first, score("SERVICE_SATISFACTION", ScoreSource.PUBLIC, "91"),
                score("POLICY_EXECUTION", ScoreSource.PUBLIC, "84")), "followup");
        SourceScores publicOnly = postEvaluation.scoresFor(followUp, staff);
        assertThat(publicOnly.publicScore()).isEqualByComparingTo("87.5");
        assertThat(publicOnly.combined()).isEqualByComparingTo("87.5");
    }

    @Test
    void r27_anOverdueVisitIsEscalatedOnce() {
        LocalDateTime firstTime = LocalDateTime.of(classEnd.plusMonths(11), LocalTime.of(9, 0));
        ClockUtil.setCurrentTime(EngineClock.toDate(firstTime));
        visits.markEscalated(leaderVisit.id());
        ClockUtil.setCurrentTime(EngineClock.toDate(firstTime.plusDays(7)));
        visits.markEscalated(leaderVisit.id());

        assertThat(visits.visit(leaderVisit.id()).escalatedAt()).isEqualTo(EngineClock.toDate(firstTime).toInstant());
        assertThat(visits.visit(staffVisit.id()).escalatedAt()).isNull();
        assertThatThrownBy(() -> visits.markEscalated(-1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void r27_unfinishedVisitsBecomeMissed() {
        visits.logInterview(staffVisit.id(), interview(classEnd.plusDays(3)), "followup");
        visits.complete(staffVisit.id(), "followup");

        assertThat(visits.markUnfinishedMissed(followUp)).isEqualTo(1);
        assertThat(visits.markUnfinishedMissed(followUp)).isZero();
        assertThat(visits.visits(followUp)).extracting(UnitVisit::cadreId, UnitVisit::status)
                .containsExactlyInAnyOrder(tuple(leader, VisitStatus.MISSED),
                        tuple(staff, VisitStatus.DONE));
        assertThatThrownBy(() -> visits.complete(leaderVisit.id(), "followup"))
                .isInstanceOf(InvalidInputException.class).hasMessage("R27：该走访未走访，不能再结束走访");
    }

    @Test
    void attachmentsArePdfJpegOrPngByContentNotEmptyAndWithinTheLimit() {
        long visit = leaderVisit.id();
        byte[] pdf = "%PDF-1.7\n%…\n".getBytes(StandardCharsets.UTF_8);
        VisitAttachment stored = visits.attach(visit, "C:\\扫描件\\谈话记录.PDF", "application/pdf", pdf, "followup");
        assertThat(stored.fileName()).isEqualTo("谈话记录.PDF");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.sizeBytes()).isEqualTo(pdf.length);
        assertThat(visits.download(stored.id()).content()).isEqualTo(pdf);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        assertThat(visits.attach(visit, "现场.jpg", null, jpeg, "followup").contentType()).isEqualTo("image/jpeg");

        assertThatThrownBy(() -> visits.attach(visit, "假的.pdf", "application/pdf", "not a pdf".getBytes(), "followup"))
                .isInstanceOf(InvalidInputException.class).hasMessage("附件「假的.pdf」的内容不是有效的 PDF 文件");
        assertThatThrownBy(() -> visits.attach(visit, "记录.docx", null, pdf, "followup"))
                .isInstanceOf(InvalidInputException.class).hasMessage("仅支持 PDF、JPEG、PNG 格式的附件：「记录.docx」");
        assertThatThrownBy(() -> visits.attach(visit, "记录.pdf", "text/plain", pdf, "followup"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("声明的类型 text/plain 与其内容（PDF）不符");
        assertThatThrownBy(() -> visits.attach(visit, "空.pdf", "application/pdf", new byte[0], "followup"))
                .isInstanceOf(InvalidInputException.class).hasMessage("附件「空.pdf」是空文件");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        assertThatThrownBy(() -> visits.attach(visit, "大.pdf", "application/pdf", big, "followup"))
                .isInstanceOf(InvalidInputException.class).hasMessage("附件「大.pdf」过大：不能超过 10 MB");
        assertThat(visits.attachments(visit)).extracting(VisitAttachment::fileName).containsExactly("谈话记录.PDF", "现场.jpg");
        assertThatThrownBy(() -> visits.download(-1)).isInstanceOf(NotFoundException.class).hasMessage("附件不存在：-1");
    }
}
