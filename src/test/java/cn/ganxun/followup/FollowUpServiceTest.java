package cn.ganxun.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The follow-up's services without the engine: the plan (R24), opening with its dates, seminars and learning summaries
 * (R26), the close with final evaluations (R29), and the half-year report (R28) as PDF text, draft and published.
 */
@GanxunTest
@AlsoOnPostgres
@Transactional
class FollowUpServiceTest {

    private static final String SUMMARY = "培训后我把所学的基层治理方法用于社区网格管理，建立了每周走访制度，"
            + "居民反映的问题平均办结时间由七天缩短到三天，群众满意度有了明显提升。";

    @Autowired FollowUpService followUps;
    @Autowired HalfYearReportService reports;
    @Autowired SampleDrawService samples;
    @Autowired UnitVisitService visits;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired CompletionFixtures completion;
    @Autowired JdbcClient jdbc;

    LocalDate classEnd;
    long classId;
    long leader;
    long staff;
    long withdrawn;

    @BeforeEach
    void setUp() {
        classEnd = EngineClock.today().minusDays(30);
        classId = fixtures.trainingClass("跟踪服务", classEnd.minusDays(4), classEnd, true);
        leader = trainee(fixtures.unit("跟踪服务一局"), Rank.COUNTY_DEPUTY, "冯局长");
        staff = trainee(fixtures.unit("跟踪服务二局"), Rank.STAFF, "陈科员");
        withdrawn = fixtures.cadre(fixtures.unit("跟踪服务三局"), Rank.STAFF);
        fixtures.enroll(classId, withdrawn, "WITHDRAWN", null);
        directory.bindToCadre("fs-trainee", leader);
        directory.bindToInstitution("fs-inst", jdbc.sql("SELECT institution_id FROM training_class WHERE id = ?")
                .param(classId).query(Long.class).single());
    }

    private long trainee(long unit, Rank rank, String name) {
        long cadreId = fixtures.cadre(unit, rank);
        jdbc.sql("UPDATE cadre SET name = ? WHERE id = ?").params(name, cadreId).update();
        fixtures.enroll(classId, cadreId, "COMPLETED", 32.0);
        completion.result(classId, cadreId, "PASS", true);
        return cadreId;
    }

    @Test
    void r24_regularClassesOneYearPilotAndKeyClassesOneToThree() {
        followUps.plan(classId, FollowUpKind.REGULAR, 1);
        assertThatThrownBy(() -> followUps.plan(classId, FollowUpKind.REGULAR, 2)).isInstanceOf(InvalidInputException.class)
                .hasMessage("R24：常规班次跟踪问效期限为1年；试点、重点班次可设1至3年");
        assertThatThrownBy(() -> followUps.plan(classId, FollowUpKind.PILOT, 4)).hasMessage("R24：试点班次跟踪问效期限须为1至3年");
        assertThatThrownBy(() -> followUps.plan(classId, FollowUpKind.KEY, 0)).hasMessageContaining("R24");
        assertThatThrownBy(() -> followUps.plan(classId, null, 1)).hasMessageContaining("请选择班次类别");
        followUps.plan(classId, FollowUpKind.PILOT, 2);

        FollowUp f = followUps.open(classId, null);
        assertThat(f.kind()).isEqualTo(FollowUpKind.PILOT);
        assertThat(f.years()).isEqualTo(2);
        assertThat(f.endsOn()).isEqualTo(classEnd.plusYears(2));
        assertThat(f.reportPeriods()).as("R28: every six months").isEqualTo(4);
        assertThat(f.periodEndsOn(3)).isEqualTo(classEnd.plusMonths(18));
        assertThatThrownBy(() -> followUps.plan(classId, FollowUpKind.KEY, 3)).hasMessage("R24：本班训后跟踪已开始，不能再修改跟踪期限");
    }

    @Test
    void r24_theFollowUpOpensOnceResultsAreConfirmedWithASummaryPerTrainee() {
        long unconfirmed = fixtures.trainingClass("未确认", classEnd.minusDays(4), classEnd, true);
        long cadre = fixtures.cadre(fixtures.unit("未确认局"), Rank.STAFF);
        fixtures.enroll(unconfirmed, cadre, "ENROLLED", null);
        completion.unconfirmedResult(unconfirmed, cadre, "PASS", true);
        assertThatThrownBy(() -> followUps.open(unconfirmed, null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("R24：本班考核结果尚未确认，不能开始训后跟踪");

        FollowUp f = followUps.open(classId, "pi-1");
        assertThat(f.status()).isEqualTo(FollowUp.OPEN);
        assertThat(f.seminarDueOn()).as("R26 default: two months").isEqualTo(classEnd.plusMonths(2));
        assertThat(f.summariesDueOn()).isEqualTo(classEnd.plusMonths(2));
        assertThat(followUps.missingListedOn(f)).isEqualTo(classEnd.plusMonths(2).plusDays(14));
        assertThat(f.visitsDueOn()).isEqualTo(classEnd.plusMonths(10));
        assertThat(followUps.open(classId, "pi-2").id()).as("idempotent").isEqualTo(f.id());
        assertThat(followUps.trainees(f.id())).containsExactlyInAnyOrder(leader, staff).doesNotContain(withdrawn);
        assertThat(followUps.summaries(f.id())).extracting(LearningSummary::status).containsOnly(LearningSummary.DUE);
    }

    @Test
    void r26_seminarsAreRecordedAndBadOnesRefusedWithEveryProblemNamed() {
        FollowUp f = followUps.open(classId, null);
        InvalidInputException refused = (InvalidInputException) catchThrowable(() ->
                followUps.recordSeminar(f.id(), new NewSeminar(classEnd.minusDays(1), " ", "学员", null), "inst"));
        assertThat(refused.problems()).extracting(InvalidInputException.Problem::field, InvalidInputException.Problem::message)
                .containsExactly(tuple("heldOn", "座谈会日期不能早于培训班结业日期 " + classEnd + "（R26）"),
                        tuple("place", "请填写座谈会地点"),
                        tuple("minutes", "请填写会议纪要"));
        assertThatThrownBy(() -> followUps.recordSeminar(f.id(), new NewSeminar(EngineClock.today().plusDays(1), "教室", "学员", "纪要"),
                "inst")).hasMessage("座谈会日期不能晚于今天 " + EngineClock.today());
        assertThat(followUps.seminars(f.id())).isEmpty();

        long id = followUps.recordSeminar(f.id(), new NewSeminar(classEnd.plusDays(20), " 二号会议室 ", "全体学员", "交流心得"), "inst");
        assertThat(followUps.seminars(f.id())).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.place()).isEqualTo("二号会议室");
        });
    }

    @Test
    void r26_aSummaryIsWrittenOnceAndMissingOnesAreListed() {
        FollowUp f = followUps.open(classId, null);
        assertThatThrownBy(() -> followUps.submitSummary(f.id(), leader, "收获很大", "fs-trainee")).hasMessage("R26：学习心得不少于50字（当前 4 字）");
        assertThatThrownBy(() -> followUps.submitSummary(f.id(), withdrawn, SUMMARY, "fs-trainee"))
                .hasMessage("R26：该干部不是本班跟踪问效的学员：" + withdrawn);
        followUps.submitSummary(f.id(), leader, SUMMARY, "fs-trainee");
        assertThatThrownBy(() -> followUps.submitSummary(f.id(), leader, SUMMARY, "fs-trainee")).hasMessage("R26：学习心得已提交，不能重复提交");
        assertThat(followUps.summary(f.id(), leader).writtenBy()).isEqualTo("fs-trainee");
        assertThatThrownBy(() -> followUps.submitSummary(f.id(), staff, SUMMARY, "fs-trainee"))
                .as("R26: a trainee writes only their own").isInstanceOf(AccessDeniedException.class)
                .hasMessage("无权访问：学习心得由学员本人或本班承办机构代为填写（R26）");

        assertThat(followUps.chaseSummary(f.id(), leader)).as("written: not chased").isFalse();
        assertThat(followUps.summary(f.id(), leader).chasedAt()).isNull();
        assertThat(followUps.chaseSummary(f.id(), staff)).as("still due: chased").isTrue();
        assertThat(followUps.summary(f.id(), staff).chasedAt()).isNotNull();
        assertThat(followUps.chaseSummaries(f.id())).as("all at once (models before the per-trainee timers): only the one still due")
                .isEqualTo(1);
        assertThat(followUps.listMissing(f.id())).extracting(LearningSummary::cadreId).containsExactly(staff);
        assertThatThrownBy(() -> followUps.submitSummary(f.id(), staff, SUMMARY, "fs-inst")).hasMessage("R26：学习心得已逾期并列入未交名单");
    }

    @Test
    void r29_r3a_theCloseEvaluatesEveryTraineeFromTheSources() {
        FollowUp f = followUps.open(classId, null);
        followUps.submitSummary(f.id(), leader, SUMMARY, "fs-trainee");
        samples.draw(f.id(), "followlead");
        List<Long> visitIds = samples.confirm(f.id(), "followlead");
        long leaderVisit = visitIds.stream().filter(v -> visits.visit(v).cadreId() == leader).findFirst().orElseThrow();
        visits.logInterview(leaderVisit, new NewInterview(classEnd.plusDays(10), InterviewMethod.INDIVIDUAL_TALK,
                Set.of(Interviewee.UNIT_LEADER, Interviewee.COLLEAGUES), "推动重点项目落地见效",
                List.of(new NewIndicatorScore("DECISION_RESULTS", ScoreSource.UNIT_LEADER, new BigDecimal("90")),
                        new NewIndicatorScore("DECISION_RESULTS", ScoreSource.COLLEAGUES, new BigDecimal("80")))), "followup");
        visits.complete(leaderVisit, "followup");

        assertThat(followUps.close(f.id())).isEqualTo(2);
        assertThat(followUps.close(f.id())).as("idempotent").isEqualTo(2);
        assertThat(followUps.find(f.id()).status()).isEqualTo(FollowUp.CLOSED);
        List<FollowUpEvaluation> evaluations = followUps.evaluations(f.id());
        FollowUpEvaluation leaderEvaluation = evaluations.stream().filter(e -> e.cadreId() == leader).findFirst().orElseThrow();
        // leader weights: unit leader 0.4, colleagues 0.3 -> (0.4 x 90 + 0.3 x 80) / 0.7 = 85.7
        assertThat(leaderEvaluation.scores().combined()).isEqualByComparingTo("85.7");
        assertThat(leaderEvaluation.visited()).isTrue();
        assertThat(leaderEvaluation.summarySubmitted()).isTrue();
        assertThat(leaderEvaluation.scores().findings()).contains("推动重点项目落地见效");
        FollowUpEvaluation staffEvaluation = evaluations.stream().filter(e -> e.cadreId() == staff).findFirst().orElseThrow();
        assertThat(staffEvaluation.visited()).isFalse();
        assertThat(staffEvaluation.summarySubmitted()).isFalse();
        assertThat(staffEvaluation.scores().combined()).isNull();
        assertThat(visits.visits(f.id())).filteredOn(v -> v.cadreId() == staff).extracting(UnitVisit::status)
                .containsExactly(VisitStatus.MISSED);
        assertThatThrownBy(() -> followUps.recordSeminar(f.id(), new NewSeminar(classEnd.plusDays(1), "教室", "学员", "纪要"), "inst"))
                .hasMessageContaining("R24：本班训后跟踪已于");
    }

    @Test
    void r28_theHalfYearReportSummarisesTheFollowUpAndFreezesWhenPublished() throws Exception {
        FollowUp f = followUps.open(classId, null);
        followUps.recordSeminar(f.id(), new NewSeminar(classEnd.plusDays(20), "市委党校报告厅", "全体学员、单位代表", "交流运用所学推动工作的做法"),
                "inst");
        followUps.submitSummary(f.id(), leader, SUMMARY, "fs-trainee");
        followUps.listMissing(f.id());
        samples.draw(f.id(), "followlead");
        List<Long> visitIds = samples.confirm(f.id(), "followlead");
        long staffVisit = visitIds.stream().filter(v -> visits.visit(v).cadreId() == staff).findFirst().orElseThrow();
        visits.logInterview(staffVisit, new NewInterview(classEnd.plusDays(12), InterviewMethod.SEMINAR,
                Set.of(Interviewee.SERVICE_USERS), "窗口服务态度明显改善",
                List.of(new NewIndicatorScore("SERVICE_SATISFACTION", ScoreSource.PUBLIC, new BigDecimal("92")))), "followup");

        long report = reports.draft(f.id(), 1);
        assertThat(reports.draft(f.id(), 1)).as("one draft per period").isEqualTo(report);
        assertThatThrownBy(() -> reports.draft(f.id(), 3)).hasMessage("R28：报告期须在第1至第2期之间");
        String draft = text(reports.pdf(report));
        assertThat(draft).contains("训后跟踪问效半年反馈报告", "测试班" + f.classNumber(), "测试培训学院", "第 1 期", "草稿",
                "市委党校报告厅", "已提交 1 人，未交 1 人", "陈科员", "冯局长", "群众服务满意度", "92.0", "第 1 次抽样");

        reports.publish(f.id(), report, "学员训后运用所学成效明显。", "fs-inst");
        HalfYearReport published = reports.report(report);
        assertThat(published.published()).isTrue();
        assertThat(published.publishedBy()).isEqualTo("fs-inst");
        String frozen = text(reports.pdf(report));
        assertThat(frozen).contains("已发布", "学员训后运用所学成效明显。");
        followUps.recordSeminar(f.id(), new NewSeminar(classEnd.plusDays(25), "第二会场", "部分学员", "补充座谈"), "inst");
        assertThat(text(reports.pdf(report))).as("published means frozen").isEqualTo(frozen).doesNotContain("第二会场");
        assertThatThrownBy(() -> reports.publish(f.id(), report, "改一下", "fs-inst")).hasMessageContaining("R28：第1期反馈报告已于");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
