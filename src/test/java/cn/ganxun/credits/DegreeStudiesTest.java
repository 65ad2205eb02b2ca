package cn.ganxun.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** R22 degree study: 5 credits per study year, once per cadre and year; the award adds 7 / 6 / 5 once. */
@GanxunTest
@AlsoOnPostgres
@Transactional
class DegreeStudiesTest {

    @Autowired DegreeStudies degrees;
    @Autowired CreditService credits;
    @Autowired TrainingFixtures fixtures;

    long unit;
    long cadre;
    int thisYear = EngineClock.today().getYear();
    Actor org = new Actor("degree-org", List.of(Groups.ORG_DEPT), null, null, null);

    @BeforeEach
    void setUp() {
        unit = fixtures.unit("学历教育局");
        cadre = fixtures.cadre(unit, Rank.STAFF);
    }

    @Test
    void r22_registering_posts_5_credits_for_each_study_year_so_far_and_overlapping_programmes_never_twice() {
        DegreeStudy master = degrees.register(cadre, DegreeLevel.MASTER, "省委党校 政治学", thisYear - 2, org);

        assertThat(master.status()).isEqualTo(DegreeStudy.STUDYING);
        assertThat(degreeEntries()).extracting(CreditEntry::year, CreditEntry::sourceRef)
                .containsExactly(tuple(thisYear - 2, "STUDY-" + (thisYear - 2)),
                        tuple(thisYear - 1, "STUDY-" + (thisYear - 1)),
                        tuple(thisYear, "STUDY-" + thisYear));
        assertThat(degreeEntries()).allSatisfy(e -> {
            assertThat(e.credits()).isEqualByComparingTo("5");
            assertThat(e.reason()).contains("硕士", "省委党校 政治学");
        });
        degrees.register(cadre, DegreeLevel.PHD, "北京大学 公共管理", thisYear - 1, org);
        assertThat(degreeEntries()).hasSize(3);
        assertThat(degrees.postStudyYears(thisYear, org)).isZero();
        assertThatThrownBy(() -> degrees.register(cadre, DegreeLevel.MASTER, "重复", thisYear, org))
                .isInstanceOf(InvalidInputException.class).hasMessage("该干部已登记过硕士学历教育");
        assertThatThrownBy(() -> degrees.register(cadre, DegreeLevel.BACHELOR, "未来", thisYear + 1, org))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("入学年度 startYear 须在");
    }

    @Test
    void r22_the_yearly_run_posts_every_programme_studied_that_year_once() {
        long second = fixtures.cadre(unit, Rank.STAFF);
        degrees.register(cadre, DegreeLevel.BACHELOR, "开放大学 行政管理", thisYear - 1, org);
        degrees.register(second, DegreeLevel.MASTER, "行政学院 公共管理", thisYear, org);
        int before = degreeEntries().size();
        assertThat(degrees.postStudyYears(thisYear - 1, org)).isZero(); // both already have it (or did not study)
        assertThat(degreeEntries()).hasSize(before);
        assertThatThrownBy(() -> degrees.postStudyYears(thisYear + 1, org)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不能登记尚未开始的年度");
        Actor hr = new Actor("degree-hr", List.of(Groups.UNIT_HR), unit, null, null);
        assertThatThrownBy(() -> degrees.postStudyYears(thisYear, hr)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void r22_the_award_adds_the_level_credits_once_in_the_award_year() {
        DegreeStudy phd = degrees.register(cadre, DegreeLevel.PHD, "中央党校 马克思主义理论", thisYear - 1, org);
        LocalDate awardedOn = EngineClock.today().minusDays(1).getYear() == thisYear ? EngineClock.today().minusDays(1)
                : EngineClock.today();

        DegreeStudy awarded = degrees.award(phd.id(), awardedOn, org);

        assertThat(awarded.status()).isEqualTo(DegreeStudy.AWARDED);
        assertThat(awarded.awardedOn()).isEqualTo(awardedOn);
        CreditEntry bonus = degreeEntries().stream().filter(e -> e.sourceRef().equals("AWARD-" + phd.id())).findFirst()
                .orElseThrow();
        assertThat(bonus.credits()).isEqualByComparingTo("7");
        assertThat(bonus.year()).isEqualTo(thisYear);
        assertThat(credits.ledger(cadre, thisYear).totalCredits()).isEqualByComparingTo("12"); // 5 study + 7 award
        assertThatThrownBy(() -> degrees.award(phd.id(), awardedOn, org)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不能重复登记");
        assertThat(degreeEntries()).hasSize(3);
        DegreeStudy master = degrees.register(cadre, DegreeLevel.MASTER, "党校 经济学", thisYear, org);
        assertThatThrownBy(() -> degrees.award(master.id(), EngineClock.today().plusDays(1), org))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不晚于今天");
        Actor otherHr = new Actor("degree-other-hr", List.of(Groups.UNIT_HR), fixtures.unit("别的学历局"), null, null);
        assertThatThrownBy(() -> degrees.award(master.id(), EngineClock.today(), otherHr))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("不属于本单位");
    }

    private List<CreditEntry> degreeEntries() {
        return credits.ledger(cadre, null).entries().stream().filter(e -> e.source().equals(CreditEntry.DEGREE)).toList();
    }
}
