package cn.ganxun.cadres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RankTest {

    @Test
    void r6_countyLevelAndAboveAreBureauAndBothCountyRanks() {
        assertThat(Arrays.stream(Rank.values()).filter(Rank::countyLevelOrAbove))
                .containsExactly(Rank.BUREAU, Rank.COUNTY_PRINCIPAL, Rank.COUNTY_DEPUTY);
    }

    @Test
    void ranksAreOrderedFromTheTop() {
        assertThat(Rank.COUNTY_DEPUTY.isHigherThan(Rank.TOWNSHIP_PRINCIPAL)).isTrue();
        assertThat(Rank.STAFF.isHigherThan(Rank.TOWNSHIP_DEPUTY)).isFalse();
        assertThat(Rank.STAFF.isHigherThan(Rank.STAFF)).isFalse();
    }

    @Test
    void r2_nineTargetCategoriesWithChineseLabels() {
        assertThat(Arrays.stream(Category.values()).map(Category::label)).containsExactly("党政领导干部", "公务员",
                "国有企业领导人员", "事业单位领导人员", "年轻干部", "理论宣传骨干", "高层次人才", "基层干部", "党员");
    }
}
