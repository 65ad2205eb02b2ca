package cn.ganxun.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CountingDataSource;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * R1, R9 and R10 for candidates of a 40-day off-the-job class (6 September to 15 October 2027). The nominating unit
 * has twenty active cadres, so up to four candidates stay within its 20% share.
 */
@GanxunTest
@AlsoOnPostgres
@Transactional
class DispatchRulesTest {

    private static final LocalDate START = LocalDate.of(2027, 9, 6);
    private static final LocalDate END = LocalDate.of(2027, 10, 15);
    private static final String TOPIC = "AI 赋能政务服务";

    @Autowired
    DispatchRules rules;

    @Autowired
    DispatchQueries queries;

    @Autowired
    TrainingFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    long unitId;
    List<Long> unitCadres = new ArrayList<>();
    long classId;

    @BeforeEach
    void unitOfTwentyAndTheClass() {
        unitId = fixtures.unit("甲单位");
        for (int i = 0; i < 20; i++) {
            unitCadres.add(fixtures.cadre(unitId, Rank.STAFF));
        }
        classId = fixtures.trainingClass(TOPIC, START, END, true);
    }

    @Test
    void aCadreWithNothingOnRecordIsClear() {
        Map<Long, List<RuleBreach>> result = rules.check(classId, unitId, List.of(cadre(0)));

        assertThat(result).containsExactly(Map.entry(cadre(0), List.of()));
    }

    @Test
    void r1_retiredCadreIsBlocked() {
        long retired = fixtures.retiredCadre(unitId);

        List<RuleBreach> breaches = rules.checkOne(classId, unitId, retired);

        assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.ruleId()).isEqualTo("R1");
            assertThat(b.code()).isEqualTo(BreachCode.NOT_ACTIVE);
            assertThat(b.severity()).isEqualTo(BreachSeverity.BLOCK);
            assertThat(b.overridable()).isFalse();
            assertThat(b.message()).contains(cadreNumber(retired), "已退休", "（R1）");
            assertThat(b.conflictingClass()).isNull();
        });
        assertThat(RuleBreaches.blocks(breaches)).isTrue();
    }

    @Test
    void r9_cadreOfAnotherUnitIsBlocked() {
        long otherUnit = fixtures.unit("乙单位");
        long stranger = fixtures.cadre(otherUnit, Rank.STAFF);

        Map<Long, List<RuleBreach>> result = rules.check(classId, unitId, List.of(cadre(0), stranger));

        assertThat(result.get(cadre(0))).isEmpty();
        assertThat(result.get(stranger)).singleElement().satisfies(b -> {
            assertThat(b.ruleId()).isEqualTo("R9");
            assertThat(b.code()).isEqualTo(BreachCode.OTHER_UNIT);
            assertThat(b.severity()).isEqualTo(BreachSeverity.BLOCK);
            assertThat(b.message()).contains(cadreNumber(stranger), "是乙单位的干部，不是推荐单位甲单位的干部", "（R9）");
        });
    }

    @Test
    void r9_namedMandateOfTheOrgDepartmentTakesCadresOfAnyUnit() {
        long otherUnit = fixtures.unit("乙单位");
        List<Long> strangers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            strangers.add(fixtures.cadre(otherUnit, Rank.STAFF));
        }

        assertThat(rules.checkOne(classId, null, strangers.get(0))).isEmpty();
    }

    @Test
    void r10_overlappingDatesBlockAndNameTheConflictingClass() {
        long onTheJob = fixtures.trainingClass("其他主题", END.minusDays(2), END.plusDays(2), false);
        fixtures.enroll(onTheJob, cadre(0), "ENROLLED", null);

        List<RuleBreach> breaches = rules.checkOne(classId, unitId, cadre(0));

        String number = fixtures.classNumber(onTheJob);
        assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.ruleId()).isEqualTo("R10");
            assertThat(b.code()).isEqualTo(BreachCode.DATE_OVERLAP);
            assertThat(b.severity()).isEqualTo(BreachSeverity.BLOCK);
            assertThat(b.overridable()).isFalse();
            assertThat(b.message()).isEqualTo("与已报名的培训班" + number + "「测试班" + number
                    + "」（2027-10-13至2027-10-17）时间重叠，干部不能同时参加两个班次（R10）");
            assertThat(b.conflictingClass()).isEqualTo(new ConflictingClass(onTheJob, number, "测试班" + number,
                    END.minusDays(2), END.plusDays(2)));
        });
        assertThat(RuleBreaches.blocks(breaches)).isTrue();
    }

    @Test
    void r10_classesSharingOnlyTheFirstOrLastDayOverlap() {
        long endsOnStart = fixtures.trainingClass("其他主题", START.minusDays(3), START, true);
        long startsOnEnd = fixtures.trainingClass("其他主题", END, END.plusDays(3), true);
        long dayBefore = fixtures.trainingClass("其他主题", START.minusDays(4), START.minusDays(1), true);
        fixtures.enroll(endsOnStart, cadre(0), "COMPLETED", 24.0);
        fixtures.enroll(startsOnEnd, cadre(1), "ENROLLED", null);
        fixtures.enroll(dayBefore, cadre(2), "COMPLETED", 24.0);

        Map<Long, List<RuleBreach>> result = rules.check(classId, unitId, List.of(cadre(0), cadre(1), cadre(2)));

        assertThat(result.get(cadre(0))).extracting(RuleBreach::code).containsExactly(BreachCode.DATE_OVERLAP);
        assertThat(result.get(cadre(0)).get(0).message()).startsWith("与已参加的培训班");
        assertThat(result.get(cadre(1))).extracting(RuleBreach::code).containsExactly(BreachCode.DATE_OVERLAP);
        assertThat(result.get(cadre(2))).isEmpty();
    }

    @Test
    void r10_withdrawnOrIncompleteEnrollmentsDoNotCount() {
        long overlapping = fixtures.trainingClass(TOPIC, START, END, true);
        fixtures.enroll(overlapping, cadre(0), "WITHDRAWN", null);
        fixtures.enroll(overlapping, cadre(1), "INCOMPLETE", 10.0);

        Map<Long, List<RuleBreach>> result = rules.check(classId, unitId, List.of(cadre(0), cadre(1)));

        assertThat(result.values()).allSatisfy(breaches -> assertThat(breaches).isEmpty());
    }

    @Test
    void r10_aCadreAlreadyOnTheClassDoesNotConflictWithItself() {
        fixtures.enroll(classId, cadre(0), "ENROLLED", null);

        assertThat(rules.checkOne(classId, unitId, cadre(0))).isEmpty();
    }

    @Test
    void r10_secondLongOffJobTrainingWithinFiveYearsIsOverridable() {
        LocalDate earlier = START.minusYears(4);
        long advanced = fixtures.trainingClass("其他主题", earlier, earlier.plusDays(31), true);
        fixtures.enroll(advanced, cadre(0), "COMPLETED", 132.0);

        List<RuleBreach> breaches = rules.checkOne(classId, unitId, cadre(0));

        String number = fixtures.classNumber(advanced);
        assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.ruleId()).isEqualTo("R10");
            assertThat(b.code()).isEqualTo(BreachCode.LONG_OFF_JOB_WITHIN_FIVE_YEARS);
            assertThat(b.severity()).isEqualTo(BreachSeverity.OVERRIDABLE);
            assertThat(b.overridable()).isTrue();
            assertThat(b.message()).isEqualTo("本班为1个月以上脱产培训，干部5年内已参加1个月以上脱产培训" + number + "「测试班" + number
                    + "」（2023-09-06至2023-10-07）；一般5年内只参加一次，确需调训须说明理由并经批准（R10）");
            assertThat(b.conflictingClass().id()).isEqualTo(advanced);
        });
        assertThat(RuleBreaches.blocks(breaches)).isFalse();
        assertThat(RuleBreaches.needsOverride(breaches)).isTrue();
    }

    @Test
    void r10_longOffJobTrainingAlreadyBookedAfterTheClassCountsToo() {
        LocalDate later = START.plusYears(1);
        long booked = fixtures.trainingClass("其他主题", later, later.plusDays(40), true);
        fixtures.enroll(booked, cadre(0), "ENROLLED", null);

        assertThat(rules.checkOne(classId, unitId, cadre(0))).singleElement().satisfies(b -> {
            assertThat(b.code()).isEqualTo(BreachCode.LONG_OFF_JOB_WITHIN_FIVE_YEARS);
            assertThat(b.message()).contains("5年内已报名1个月以上脱产培训");
        });
    }

    @Test
    void r10_longOffJobTrainingFiveYearsBeforeIsClear() {
        LocalDate fiveYearsBefore = START.minusYears(5);
        long advanced = fixtures.trainingClass("其他主题", fiveYearsBefore, fiveYearsBefore.plusDays(40), true);
        fixtures.enroll(advanced, cadre(0), "COMPLETED", 132.0);

        assertThat(rules.checkOne(classId, unitId, cadre(0))).isEmpty();
    }

    @Test
    void r10_aMonthIsThirtyDaysOffTheJob() {
        LocalDate earlier = START.minusYears(2);
        long twentyNineDays = fixtures.trainingClass("其他主题", earlier, earlier.plusDays(28), true);
        long thirtyDaysOnTheJob = fixtures.trainingClass("其他主题", earlier.plusMonths(3), earlier.plusMonths(3).plusDays(29), false);
        long thirtyDays = fixtures.trainingClass("其他主题", earlier.plusMonths(6), earlier.plusMonths(6).plusDays(29), true);
        fixtures.enroll(twentyNineDays, cadre(0), "COMPLETED", 100.0);
        fixtures.enroll(thirtyDaysOnTheJob, cadre(1), "COMPLETED", 100.0);
        fixtures.enroll(thirtyDays, cadre(2), "COMPLETED", 100.0);
        long shortClass = fixtures.trainingClass(TOPIC + "（短训）", START, START.plusDays(28), true);

        Map<Long, List<RuleBreach>> result = rules.check(classId, unitId, List.of(cadre(0), cadre(1), cadre(2)));

        assertThat(result.get(cadre(0))).isEmpty();
        assertThat(result.get(cadre(1))).isEmpty();
        assertThat(result.get(cadre(2))).extracting(RuleBreach::code)
                .containsExactly(BreachCode.LONG_OFF_JOB_WITHIN_FIVE_YEARS);
        assertThat(rules.checkOne(shortClass, unitId, cadre(2))).isEmpty();
    }

    @Test
    void r10_sameTopicTwiceInAYearIsOverridable() {
        LocalDate earlier = START.minusMonths(7);
        long sameTopic = fixtures.trainingClass(" ai 赋能政务服务\u3000", earlier, earlier.plusDays(4), true);
        fixtures.enroll(sameTopic, cadre(0), "COMPLETED", 30.0);

        List<RuleBreach> breaches = rules.checkOne(classId, unitId, cadre(0));

        String number = fixtures.classNumber(sameTopic);
        assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.ruleId()).isEqualTo("R10");
            assertThat(b.code()).isEqualTo(BreachCode.SAME_TOPIC_WITHIN_A_YEAR);
            assertThat(b.severity()).isEqualTo(BreachSeverity.OVERRIDABLE);
            assertThat(b.message()).isEqualTo("干部1年内已参加同主题「ai 赋能政务服务」的脱产培训" + number + "「测试班" + number
                    + "」（2027-02-06至2027-02-10）；同一主题一般每年只参加一次，确需调训须说明理由并经批准（R10）");
            assertThat(b.conflictingClass().classNumber()).isEqualTo(number);
        });
        assertThat(RuleBreaches.needsOverride(breaches)).isTrue();
    }

    @Test
    void r10_sameTopicAfterMoreThanAYearIsClear() {
        LocalDate yearAndADay = START.minusYears(1).minusDays(1);
        LocalDate yearToTheDay = START.minusYears(1);
        long older = fixtures.trainingClass(TOPIC, yearAndADay, yearAndADay.plusDays(4), true);
        long yearAgo = fixtures.trainingClass(TOPIC, yearToTheDay, yearToTheDay.plusDays(4), true);
        long onTheJob = fixtures.trainingClass(TOPIC, START.minusMonths(2), START.minusMonths(2).plusDays(4), false);
        fixtures.enroll(older, cadre(0), "COMPLETED", 30.0);
        fixtures.enroll(yearAgo, cadre(1), "COMPLETED", 30.0);
        fixtures.enroll(onTheJob, cadre(2), "COMPLETED", 30.0);

        Map<Long, List<RuleBreach>> result = rules.check(classId, unitId, List.of(cadre(0), cadre(1), cadre(2)));

        assertThat(result.values()).allSatisfy(breaches -> assertThat(breaches).isEmpty());
    }

    @Test
    void r10_overDispatchWarnsWhenUnitShareExceeded() {
        awayDuring(cadre(19), START.minusDays(60));

        Map<Long, List<RuleBreach>> result = rules.check(classId, unitId, List.of(cadre(0), cadre(1), cadre(2), cadre(3)));

        assertThat(result.values()).allSatisfy(breaches -> assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.ruleId()).isEqualTo("R10");
            assertThat(b.code()).isEqualTo(BreachCode.UNIT_OVER_DISPATCHED);
            assertThat(b.severity()).isEqualTo(BreachSeverity.WARNING);
            assertThat(b.overridable()).isFalse();
            assertThat(b.message()).isEqualTo("甲单位在2027-06-08至2027-10-15期间脱产培训将达5人，超过在职干部20人的20%（最多4人）；"
                    + "同一单位同一时段不宜过度调训（R10）");
        }));
        assertThat(RuleBreaches.blocks(result.get(cadre(0)))).isFalse();
        assertThat(RuleBreaches.needsOverride(result.get(cadre(0)))).isFalse();
    }

    @Test
    void r10_overDispatchCountsEachAwayCadreOnceAndOnlyInThePeriod() {
        awayDuring(cadre(19), START.minusDays(60));
        awayDuring(cadre(0), START.minusDays(30));
        awayDuring(cadre(18), START.minusDays(120));
        fixtures.enroll(fixtures.trainingClass("其他主题", START, START.plusDays(4), false), cadre(17), "ENROLLED", null);
        long retired = fixtures.retiredCadre(unitId);
        awayDuring(retired, START.minusDays(10));

        Map<Long, List<RuleBreach>> result = rules.check(classId, unitId, List.of(cadre(0), cadre(1), cadre(2)));

        assertThat(result.values()).allSatisfy(breaches -> assertThat(breaches).isEmpty());
    }

    @Test
    void r10_overDispatchPeriodAndShareAreConfigurable() {
        awayDuring(cadre(19), START.minusDays(60));
        List<Long> four = List.of(cadre(0), cadre(1), cadre(2), cadre(3));

        DispatchRules halfMayGo = new DispatchRules(queries, new DispatchProperties(Period.ofDays(90), new BigDecimal("0.5")));
        DispatchRules thirtyDays = new DispatchRules(queries, new DispatchProperties(Period.ofDays(30), new BigDecimal("0.2")));

        assertThat(rules.check(classId, unitId, four).get(cadre(0))).extracting(RuleBreach::code)
                .containsExactly(BreachCode.UNIT_OVER_DISPATCHED);
        assertThat(halfMayGo.check(classId, unitId, four).values()).allSatisfy(b -> assertThat(b).isEmpty());
        assertThat(thirtyDays.check(classId, unitId, four).values()).allSatisfy(b -> assertThat(b).isEmpty());
    }

    @Test
    void r10_namedMandateWeighsEachCandidatesOwnUnit() {
        long smallUnit = fixtures.unit("乙单位");
        long small = fixtures.cadre(smallUnit, Rank.STAFF);
        fixtures.cadre(smallUnit, Rank.STAFF);

        Map<Long, List<RuleBreach>> named = rules.check(classId, null, List.of(cadre(0), small));
        Map<Long, List<RuleBreach>> quota = rules.check(classId, unitId, List.of(cadre(0), small));

        assertThat(named.get(cadre(0))).isEmpty();
        assertThat(named.get(small)).singleElement().satisfies(b -> assertThat(b.message())
                .startsWith("乙单位在2027-06-08至2027-10-15期间脱产培训将达1人，超过在职干部2人的20%（最多0人）"));
        assertThat(quota.get(cadre(0))).isEmpty();
        assertThat(quota.get(small)).extracting(RuleBreach::code).containsExactly(BreachCode.OTHER_UNIT);
    }

    @Test
    void r10_onTheJobClassDoesNotTakeCadresAway() {
        long onTheJob = fixtures.trainingClass(TOPIC, START, END, false);
        awayDuring(cadre(19), START.minusDays(60));

        assertThat(rules.check(onTheJob, unitId, unitCadres.subList(0, 10)).values())
                .allSatisfy(breaches -> assertThat(breaches).isEmpty());
    }

    @Test
    void breachesComeInRuleOrderWithEveryCandidateOnceInTheOrderGiven() {
        long retired = fixtures.retiredCadre(fixtures.unit("乙单位"));
        long overlapping = fixtures.trainingClass(TOPIC, START.plusDays(1), START.plusDays(40), true);
        fixtures.enroll(overlapping, retired, "ENROLLED", null);

        Map<Long, List<RuleBreach>> result = rules.check(classId, unitId, List.of(retired, cadre(0), retired));

        assertThat(result.keySet()).containsExactly(retired, cadre(0));
        assertThat(result.get(retired)).extracting(RuleBreach::code).containsExactly(BreachCode.NOT_ACTIVE,
                BreachCode.OTHER_UNIT, BreachCode.DATE_OVERLAP, BreachCode.LONG_OFF_JOB_WITHIN_FIVE_YEARS,
                BreachCode.SAME_TOPIC_WITHIN_A_YEAR);
        assertThat(rules.check(classId, unitId, List.of())).isEmpty();
    }

    @Test
    void unknownClassUnitOrCadreIsRefusedInChinese() {
        assertThatThrownBy(() -> rules.check(-5, unitId, List.of(cadre(0))))
                .isInstanceOf(InvalidInputException.class).hasMessage("培训班不存在：id -5");
        assertThatThrownBy(() -> rules.check(classId, -6L, List.of(cadre(0))))
                .isInstanceOf(InvalidInputException.class).hasMessage("推荐单位不存在：id -6");
        assertThatThrownBy(() -> rules.check(classId, unitId, List.of(cadre(0), -7L, -8L)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("干部不存在：id -7、-8");
                    assertThat(e.problems()).extracting(InvalidInputException.Problem::field).containsExactly("cadreIds");
                });
        assertThatThrownBy(() -> rules.check(classId, unitId, java.util.Arrays.asList(cadre(0), null)))
                .isInstanceOf(InvalidInputException.class).hasMessage("干部 id 不能为空");
    }

    @Test
    void batch_twoHundredCandidatesTakeAsManyStatementsAsOne() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        DispatchRules counted = new DispatchRules(new DispatchQueries(JdbcClient.create(counting)),
                new DispatchProperties(Period.ofDays(90), new BigDecimal("0.2")));
        long demoClass = jdbc.sql("SELECT MAX(id) FROM training_class WHERE class_number LIKE 'H%'").query(Long.class).single();
        List<Long> twoHundred = jdbc.sql("SELECT id FROM cadre WHERE cadre_number LIKE 'C%' ORDER BY id")
                .query(Long.class).list().subList(0, 200);

        counted.check(demoClass, unitId, twoHundred.subList(0, 1));
        int forOne = counting.statements();
        counting.reset();
        Map<Long, List<RuleBreach>> result = counted.check(demoClass, unitId, twoHundred);
        int forTwoHundred = counting.statements();
        counting.reset();
        counted.check(demoClass, null, twoHundred);
        int namedMandate = counting.statements();

        assertThat(result.keySet()).containsExactlyElementsOf(twoHundred);
        assertThat(forOne).isEqualTo(5);
        assertThat(forTwoHundred).isEqualTo(forOne);
        assertThat(namedMandate).isEqualTo(4);
        assertThat(result).isEqualTo(rules.check(demoClass, unitId, twoHundred));
    }

    @Test
    void tooManyCandidatesAreRefused() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= DispatchRules.MAX_CANDIDATES + 1; id++) {
            ids.add(id);
        }

        assertThatThrownBy(() -> rules.check(classId, null, ids))
                .isInstanceOf(InvalidInputException.class).hasMessage("一次最多检查1000名干部，本次1001名");
    }

    /** The cadre sits a five-day off-the-job class starting on {@code start}. */
    private void awayDuring(long cadreId, LocalDate start) {
        fixtures.enroll(fixtures.trainingClass("其他主题", start, start.plusDays(4), true), cadreId, "COMPLETED", 30.0);
    }

    private long cadre(int index) {
        return unitCadres.get(index);
    }

    private String cadreNumber(long cadreId) {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }
}
