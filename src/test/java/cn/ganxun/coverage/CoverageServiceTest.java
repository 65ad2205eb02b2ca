package cn.ganxun.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

/** R4–R6 on hand-built training histories, and once on the demo city. */
@GanxunTest
@AlsoOnPostgres
@Transactional
class CoverageServiceTest {

    private static final LocalDate AS_OF = LocalDate.of(2027, 6, 30);

    @Autowired
    CoverageService coverage;

    @Autowired
    TrainingFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    long unitId;

    @BeforeEach
    void unit() {
        unitId = fixtures.unit("覆盖测试单位");
    }

    @Test
    void r5_cadreWithoutPartyTheoryOrSpiritHoursIsRedEvenWithEnoughHours() {
        long cadre = fixtures.cadre(unitId, Rank.STAFF);
        attend(cadre, classEnding(AS_OF.minusYears(1), 0, 300), 300);
        attend(cadre, classEnding(AS_OF.minusYears(2), 0, 300), 300);

        CoverageLight light = coverage.lightFor(cadre, AS_OF);

        assertThat(light.light()).isEqualTo(Light.RED);
        assertThat(light.partyHours()).isEqualByComparingTo("0");
        assertThat(light.totalHours()).isEqualByComparingTo("600");
        assertThat(light.requiredHours()).isEqualTo(500);
        assertThat(light.reason()).contains("未参加党的创新理论教育和党性教育", "累计600学时", "（R5）");
    }

    @Test
    void r5_cadreNeverTrainedIsRed() {
        long cadre = fixtures.cadre(unitId, Rank.COUNTY_PRINCIPAL);

        CoverageLight light = coverage.lightFor(cadre, AS_OF);

        assertThat(light).isEqualTo(new CoverageLight(cadre, Light.RED, new BigDecimal("0.0"), new BigDecimal("0.0"), 550,
                "近5年未参加党的创新理论教育和党性教育；近5年累计0学时，应达550学时，列为点名调训对象（R5）"));
    }

    @Test
    void r6_partyTrainedCadreShortOfTheHoursIsYellowAndTheReasonNamesTheFigures() {
        long cadre = fixtures.cadre(unitId, Rank.STAFF);
        attend(cadre, classEnding(AS_OF.minusMonths(3), 18, 12), 30);
        attend(cadre, classEnding(AS_OF.minusYears(3), 0, 282), 282);

        CoverageLight light = coverage.lightFor(cadre, AS_OF);

        assertThat(light.light()).isEqualTo(Light.YELLOW);
        assertThat(light.partyHours()).isEqualByComparingTo("18");
        assertThat(light.totalHours()).isEqualByComparingTo("312");
        assertThat(light.reason()).isEqualTo("近5年累计312学时，应达500学时，尚差188学时（R6）");
    }

    @Test
    void r6_countyLevelCadresNeed550HoursWhereOthersNeed500() {
        long countyDeputy = fixtures.cadre(unitId, Rank.COUNTY_DEPUTY);
        long townshipPrincipal = fixtures.cadre(unitId, Rank.TOWNSHIP_PRINCIPAL);
        long partyClass = classEnding(AS_OF.minusYears(2), 120, 0);
        long otherClass = classEnding(AS_OF.minusYears(4), 0, 400);
        for (long cadre : List.of(countyDeputy, townshipPrincipal)) {
            attend(cadre, partyClass, 120);
            attend(cadre, otherClass, 400);
        }

        Map<Long, CoverageLight> lights = coverage.lightsFor(List.of(countyDeputy, townshipPrincipal), AS_OF);

        assertThat(lights.get(countyDeputy).light()).isEqualTo(Light.YELLOW);
        assertThat(lights.get(countyDeputy).requiredHours()).isEqualTo(550);
        assertThat(lights.get(countyDeputy).reason()).isEqualTo("近5年累计520学时，应达550学时，尚差30学时（R6）");
        assertThat(lights.get(townshipPrincipal).light()).isEqualTo(Light.GREEN);
        assertThat(lights.get(townshipPrincipal).requiredHours()).isEqualTo(500);
        assertThat(lights.get(townshipPrincipal).reason()).isEqualTo("近5年累计520学时，已达应训500学时（R6）");
    }

    @Test
    void r5_partyHoursAreTheCadresHoursScaledByTheCurriculumsPartyShare() {
        long cadre = fixtures.cadre(unitId, Rank.STAFF);
        long mixed = fixtures.trainingClass("综合能力", AS_OF.minusYears(1).minusDays(4), AS_OF.minusYears(1), true);
        fixtures.course(mixed, "PARTY_THEORY", 9);
        fixtures.course(mixed, "PARTY_SPIRIT", 9);
        fixtures.course(mixed, "PROFESSIONAL", 9);
        fixtures.course(mixed, "OTHER", 3);
        fixtures.enroll(mixed, cadre, "COMPLETED", 25.0);
        attend(cadre, classEnding(AS_OF.minusYears(2), 10, 0), 10);

        CoverageLight light = coverage.lightFor(cadre, AS_OF);

        assertThat(light.partyHours()).isEqualByComparingTo("25");
        assertThat(light.totalHours()).isEqualByComparingTo("35");
    }

    @Test
    void r4_onlyCompletedEnrollmentsInClassesEndingWithinTheRollingFiveYearsCount() {
        long cadre = fixtures.cadre(unitId, Rank.STAFF);
        attend(cadre, classEnding(AS_OF.minusYears(5).plusDays(1), 0, 40), 40);
        attend(cadre, classEnding(AS_OF, 10, 0), 10);
        attend(cadre, classEnding(AS_OF.minusYears(5), 100, 0), 100);
        attend(cadre, classEnding(AS_OF.plusDays(1), 100, 0), 100);
        for (String status : List.of("ENROLLED", "INCOMPLETE", "WITHDRAWN")) {
            fixtures.enroll(classEnding(AS_OF.minusYears(1), 100, 0), cadre, status, 100.0);
        }

        CoverageLight light = coverage.lightFor(cadre, AS_OF);

        assertThat(light.light()).isEqualTo(Light.YELLOW);
        assertThat(light.partyHours()).isEqualByComparingTo("10");
        assertThat(light.totalHours()).isEqualByComparingTo("50");
    }

    @Test
    void r5_completedEnrollmentWithoutRecordedHoursAddsNothing() {
        long cadre = fixtures.cadre(unitId, Rank.STAFF);
        fixtures.enroll(classEnding(AS_OF.minusYears(1), 30, 0), cadre, "COMPLETED", null);

        CoverageLight light = coverage.lightFor(cadre, AS_OF);

        assertThat(light.light()).isEqualTo(Light.RED);
        assertThat(light.totalHours()).isEqualByComparingTo("0");
    }

    @Test
    void r5_r6_batchKeepsTheOrderGivenAndTakesEachCadreOnce() {
        long first = fixtures.cadre(unitId, Rank.STAFF);
        long second = fixtures.cadre(unitId, Rank.STAFF);

        Map<Long, CoverageLight> lights = coverage.lightsFor(List.of(second, first, second), AS_OF);

        assertThat(lights.keySet()).containsExactly(second, first);
        assertThat(coverage.lightsFor(List.of(), AS_OF)).isEmpty();
    }

    @Test
    void unknownCadreIdsAreNamedInChinese() {
        long cadre = fixtures.cadre(unitId, Rank.STAFF);

        assertThatThrownBy(() -> coverage.lightsFor(List.of(cadre, -1L, -2L), AS_OF))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("干部不存在：id -1、-2");
                    assertThat(e.problems()).extracting(InvalidInputException.Problem::field).containsExactly("cadreIds");
                });
    }

    @Test
    void r5_r6_theDemoCityShowsAllThreeLights() {
        List<Long> demoCadres = jdbc.sql("SELECT id FROM cadre WHERE cadre_number LIKE 'C%' AND status = 'ACTIVE'")
                .query(Long.class).list();

        Map<Light, Long> counts = coverage.lightsFor(demoCadres, LocalDate.now()).values().stream()
                .collect(Collectors.groupingBy(CoverageLight::light, Collectors.counting()));

        assertThat(counts.keySet()).containsExactlyInAnyOrder(Light.RED, Light.YELLOW, Light.GREEN);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(demoCadres.size());
    }

    @Test
    void r5_r6_theWholeDemoCityIsLitWithOneStatement() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        CoverageService counted = new CoverageService(JdbcClient.create(counting));
        List<Long> demoCadres = jdbc.sql("SELECT id FROM cadre WHERE cadre_number LIKE 'C%'").query(Long.class).list();

        Map<Long, CoverageLight> lights = counted.lightsFor(demoCadres, LocalDate.now());

        assertThat(demoCadres).hasSizeGreaterThan(500);
        assertThat(lights).hasSameSizeAs(demoCadres);
        assertThat(counting.statements()).isEqualTo(1);
        assertThat(lights.values().stream().collect(Collectors.toMap(CoverageLight::cadreId, Function.identity())))
                .isEqualTo(coverage.lightsFor(demoCadres, LocalDate.now()));
    }

    /** A five-day off-the-job class ending on {@code end} with party-theory and professional hours. */
    private long classEnding(LocalDate end, double partyTheoryHours, double professionalHours) {
        long classId = fixtures.trainingClass("测试主题", end.minusDays(4), end, true);
        if (partyTheoryHours > 0) {
            fixtures.course(classId, "PARTY_THEORY", partyTheoryHours);
        }
        if (professionalHours > 0) {
            fixtures.course(classId, "PROFESSIONAL", professionalHours);
        }
        return classId;
    }

    private void attend(long cadreId, long classId, double hours) {
        fixtures.enroll(classId, cadreId, "COMPLETED", hours);
    }
}
