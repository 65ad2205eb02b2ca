package cn.ganxun.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CreditFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** R23: the yearly pass at 60 with the surplus carried one year forward, the five-year pass at 300, the unit flag. */
@GanxunTest
@AlsoOnPostgres
@Transactional
class CreditStandingsTest {

    @Autowired CreditStandings standings;
    @Autowired TrainingFixtures fixtures;
    @Autowired CreditFixtures credits;

    long unit;

    @BeforeEach
    void setUp() {
        unit = fixtures.unit("学分考核局");
    }

    @Test
    void r23_credits_above_60_carry_into_the_next_year_and_only_forward() {
        long cadre = fixtures.cadre(unit, Rank.STAFF);
        credits.credits(cadre, 2025, 70);
        credits.credits(cadre, 2025, 30); // 100 in 2025: surplus 40
        credits.credits(cadre, 2026, 30);

        CreditStanding y2025 = standings.standing(cadre, 2025);
        CreditStanding y2026 = standings.standing(cadre, 2026);
        CreditStanding y2027 = standings.standing(cadre, 2027);

        assertThat(y2025.earned()).isEqualByComparingTo("100");
        assertThat(y2025.carriedIn()).isEqualByComparingTo("0");
        assertThat(y2025.passed()).isTrue();
        assertThat(y2025.surplus()).isEqualByComparingTo("40");
        assertThat(y2026.earned()).isEqualByComparingTo("30");
        assertThat(y2026.carriedIn()).isEqualByComparingTo("40");
        assertThat(y2026.available()).isEqualByComparingTo("70");
        assertThat(y2026.passed()).isTrue();
        assertThat(y2026.surplus()).isEqualByComparingTo("10");
        assertThat(y2027.carriedIn()).isEqualByComparingTo("10");
        assertThat(y2027.available()).isEqualByComparingTo("10");
        assertThat(y2027.passed()).isFalse();
        assertThat(standings.standing(cadre, 2024).passed()).isFalse(); // nothing flows backwards
    }

    @Test
    void r23_a_big_year_keeps_carrying_what_is_still_above_60_year_by_year() {
        long cadre = fixtures.cadre(unit, Rank.STAFF);
        credits.credits(cadre, 2024, 200);

        assertThat(List.of(2024, 2025, 2026, 2027).stream().map(y -> standings.standing(cadre, y)))
                .extracting(s -> s.available().intValue(), CreditStanding::passed)
                .containsExactly(tuple(200, true), tuple(140, true),
                        tuple(80, true), tuple(20, false));
        assertThat(standings.standing(cadre, 2027).fiveYearTotal()).isEqualByComparingTo("200");
    }

    @Test
    void r23_five_year_pass_at_300_earned_credits_in_the_window_and_a_surplus_flows_on_while_each_year_meets_60() {
        long cadre = fixtures.cadre(unit, Rank.STAFF);
        for (int year = 2023; year <= 2027; year++) {
            credits.credits(cadre, year, 60);
        }
        credits.credits(cadre, 2022, 100);

        CreditStanding y2027 = standings.standing(cadre, 2027);
        assertThat(y2027.fiveYearTotal()).isEqualByComparingTo("300");
        assertThat(y2027.fiveYearPassed()).isTrue();
        // 2022's 40 above 60 went into 2023 (100 available), and each year since had 40 above its 60 again
        assertThat(y2027.carriedIn()).isEqualByComparingTo("40");
        CreditStanding y2028 = standings.standing(cadre, 2028);
        assertThat(y2028.fiveYearTotal()).isEqualByComparingTo("240");
        assertThat(y2028.fiveYearPassed()).isFalse();
        assertThat(standings.standing(cadre, 2023).available()).isEqualByComparingTo("100");
    }

    @Test
    void r23_a_cadre_without_credits_fails_and_a_bad_year_is_refused() {
        long cadre = fixtures.cadre(unit, Rank.STAFF);
        CreditStanding none = standings.standing(cadre, 2027);
        assertThat(none.earned()).isEqualByComparingTo("0");
        assertThat(none.passed()).isFalse();
        assertThatThrownBy(() -> standings.standing(cadre, 1900)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("年度须在 2000 至 2100 之间");
    }

    @Test
    void r23_a_unit_where_a_third_or_more_of_its_active_cadres_fail_cannot_be_rated_advanced() {
        long third = fixtures.unit("三分之一未达标局");
        long quarter = fixtures.unit("四分之一未达标局");
        long empty = fixtures.unit("无干部局");
        long[] thirdCadres = {fixtures.cadre(third, Rank.STAFF), fixtures.cadre(third, Rank.STAFF),
                fixtures.cadre(third, Rank.STAFF)};
        credits.credits(thirdCadres[0], 2027, 60);
        credits.credits(thirdCadres[1], 2026, 100); // 40 carried in + 20 = 60: passes 2027
        credits.credits(thirdCadres[1], 2027, 20);
        credits.credits(thirdCadres[2], 2027, 59.5); // fails
        fixtures.retiredCadre(third); // not counted
        long[] quarterCadres = {fixtures.cadre(quarter, Rank.STAFF), fixtures.cadre(quarter, Rank.STAFF),
                fixtures.cadre(quarter, Rank.STAFF), fixtures.cadre(quarter, Rank.STAFF)};
        for (int i = 0; i < 3; i++) {
            credits.credits(quarterCadres[i], 2027, 65);
        }

        Map<Long, UnitCreditStanding> units = standings.units(2027, Set.of(third, quarter, empty)).stream()
                .collect(Collectors.toMap(UnitCreditStanding::unitId, u -> u));

        assertThat(units).containsOnlyKeys(third, quarter, empty);
        assertThat(units.get(third).activeCadres()).isEqualTo(3);
        assertThat(units.get(third).failedCadres()).isEqualTo(1);
        assertThat(units.get(third).failureShare()).isEqualByComparingTo("0.3333");
        assertThat(units.get(third).cannotBeAdvanced()).isTrue();
        assertThat(units.get(quarter).failedCadres()).isEqualTo(1);
        assertThat(units.get(quarter).failureShare()).isEqualByComparingTo("0.25");
        assertThat(units.get(quarter).cannotBeAdvanced()).isFalse();
        assertThat(units.get(empty).activeCadres()).isZero();
        assertThat(units.get(empty).cannotBeAdvanced()).isFalse();
        // the population figure agrees with each cadre's own standing
        for (long cadre : thirdCadres) {
            assertThat(standings.standing(cadre, 2027).passed()).isEqualTo(cadre != thirdCadres[2]);
        }
        assertThat(standings.units(2027, Set.of()).stream().map(UnitCreditStanding::unitId)).contains(third, quarter, empty);
    }
}
