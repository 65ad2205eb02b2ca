package cn.ganxun.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import cn.ganxun.cadres.Rank;

/** R5 and R6 on the figures alone, at the boundaries. */
class CoverageLightsTest {

    @Test
    void r5_noPartyHoursIsRedWhateverTheTotal() {
        CoverageLight light = CoverageLights.classify(1, Rank.STAFF, BigDecimal.ZERO, new BigDecimal("900"));

        assertThat(light.light()).isEqualTo(Light.RED);
        assertThat(light.reason()).isEqualTo("近5年未参加党的创新理论教育和党性教育；近5年累计900学时，应达500学时，列为点名调训对象（R5）");
    }

    @Test
    void r6_countyDivisionLevelAndAboveNeed550HoursOthers500() {
        assertThat(CoverageLights.requiredHours(Rank.BUREAU)).isEqualTo(550);
        assertThat(CoverageLights.requiredHours(Rank.COUNTY_PRINCIPAL)).isEqualTo(550);
        assertThat(CoverageLights.requiredHours(Rank.COUNTY_DEPUTY)).isEqualTo(550);
        assertThat(CoverageLights.requiredHours(Rank.TOWNSHIP_PRINCIPAL)).isEqualTo(500);
        assertThat(CoverageLights.requiredHours(Rank.TOWNSHIP_DEPUTY)).isEqualTo(500);
        assertThat(CoverageLights.requiredHours(Rank.STAFF)).isEqualTo(500);
    }

    @Test
    void r6_halfAnHourShortIsYellowAndExactlyTheRequiredHoursIsGreen() {
        CoverageLight shortOfIt = CoverageLights.classify(1, Rank.COUNTY_DEPUTY, BigDecimal.ONE, new BigDecimal("549.5"));
        CoverageLight done = CoverageLights.classify(2, Rank.COUNTY_DEPUTY, BigDecimal.ONE, new BigDecimal("550"));

        assertThat(shortOfIt.light()).isEqualTo(Light.YELLOW);
        assertThat(shortOfIt.reason()).isEqualTo("近5年累计549.5学时，应达550学时，尚差0.5学时（R6）");
        assertThat(done.light()).isEqualTo(Light.GREEN);
        assertThat(done.reason()).isEqualTo("近5年累计550学时，已达应训550学时（R6）");
    }

    @Test
    void r5_r6_figuresAreRoundedToOneDecimal() {
        CoverageLight light = CoverageLights.classify(1, Rank.STAFF, new BigDecimal("14.99999"), new BigDecimal("312"));

        assertThat(light.partyHours()).isEqualTo(new BigDecimal("15.0"));
        assertThat(light.totalHours()).isEqualTo(new BigDecimal("312.0"));
        assertThat(light.reason()).isEqualTo("近5年累计312学时，应达500学时，尚差188学时（R6）");
    }
}
