package cn.ganxun.cadres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.CadreViews.TrainingView;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.InterviewMethod;
import cn.ganxun.followup.Interviewee;
import cn.ganxun.followup.NewIndicatorScore;
import cn.ganxun.followup.NewInterview;
import cn.ganxun.followup.SampleDrawService;
import cn.ganxun.followup.ScoreSource;
import cn.ganxun.followup.UnitVisitService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** R3a: the cadre's training archive shows each class and, once its follow-up closed, the final evaluation (R29). */
@GanxunTest
@AlsoOnPostgres
@Transactional
class TrainingArchiveTest {

    @Autowired CadreDirectory directory;
    @Autowired FollowUpService followUps;
    @Autowired SampleDrawService samples;
    @Autowired UnitVisitService visits;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;

    @Test
    void r3a_theArchiveCarriesTheFollowUpEvaluationOnceTheFollowUpClosed() {
        LocalDate end = EngineClock.today().minusDays(10);
        long classId = fixtures.trainingClass("档案跟踪", end.minusDays(4), end, true);
        long cadre = fixtures.cadre(fixtures.unit("档案测试局"), Rank.STAFF);
        fixtures.enroll(classId, cadre, "COMPLETED", 32.0);
        completion.result(classId, cadre, "GOOD", true);
        Actor org = new Actor("archive-org", List.of(Groups.ORG_DEPT), null, null, null);

        long followUp = followUps.open(classId, null).id();
        TrainingView open = training(org, cadre, classId);
        assertThat(open.followUpScore()).isNull();
        assertThat(open.followUpFindings()).isNull();

        samples.draw(followUp, "followlead");
        long visit = samples.confirm(followUp, "followlead").get(0);
        visits.logInterview(visit, new NewInterview(end.plusDays(3), InterviewMethod.QUESTIONNAIRE, Set.of(Interviewee.SERVICE_USERS),
                "办事群众评价明显提高", List.of(new NewIndicatorScore("SERVICE_SATISFACTION", ScoreSource.PUBLIC, new BigDecimal("91")))),
                "followup");
        visits.complete(visit, "followup");
        followUps.close(followUp);

        TrainingView closed = training(org, cadre, classId);
        assertThat(closed.followUpScore()).isEqualByComparingTo("91.0");
        assertThat(closed.followUpFindings()).contains("问卷调查", "办事群众评价明显提高");
    }

    private TrainingView training(Actor actor, long cadreId, long classId) {
        String number = fixtures.classNumber(classId);
        return directory.detail(cadreId, actor).trainings().stream().filter(t -> t.classNumber().equals(number))
                .findFirst().orElseThrow();
    }
}
