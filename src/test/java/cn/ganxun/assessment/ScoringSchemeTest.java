package cn.ganxun.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.ganxun.platform.InvalidInputException;

/** R18: the 4+1 scheme, without the engine. */
class ScoringSchemeTest {

    @Test
    void r18_defaultSchemeHasFourBlocksWithTenAspectsSummingTo100PlusBonusItems() {
        List<ScoringItem> items = ScoringScheme.defaultItems();
        List<ScoringItem> regular = items.stream().filter(i -> !i.bonus()).toList();
        assertThat(regular).hasSize(10);
        assertThat(regular.stream().map(ScoringItem::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(regular).extracting(ScoringItem::block).containsAll(ScoringScheme.REGULAR_BLOCKS);
        assertThat(items).filteredOn(ScoringItem::bonus).isNotEmpty();
        assertThat(items).filteredOn(ScoringItem::computed).extracting(ScoringItem::code)
                .containsExactly(ScoringScheme.ATTENDANCE);
        ScoringScheme.validate(items);
    }

    @Test
    void r18_bonusItemsHaveNoUpperBoundOnTheirSum() {
        List<ScoringItem> items = new ArrayList<>(ScoringScheme.defaultItems());
        items.add(new ScoringItem(ScoringScheme.BONUS, "BONUS_BIG", "重大贡献", new BigDecimal("50")));
        items.add(new ScoringItem(ScoringScheme.BONUS, "BONUS_BIGGER", "特别贡献", new BigDecimal("80")));
        ScoringScheme.validate(items);
    }

    @Test
    void r18_regularAspectsMustSumTo100() {
        List<ScoringItem> items = new ArrayList<>(ScoringScheme.defaultItems());
        items.add(new ScoringItem(ScoringScheme.CAPACITY, "EXTRA", "额外", new BigDecimal("5")));
        assertThatThrownBy(() -> ScoringScheme.validate(items)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("R18：四个常规模块各评分项合计须为100分，实际为 105 分");
    }

    @Test
    void r18_everyProblemOfASchemeIsNamed() {
        List<ScoringItem> items = List.of(
                new ScoringItem(ScoringScheme.STUDY_DISCIPLINE, "ATTENDANCE", "出勤", new BigDecimal("50")),
                new ScoringItem(ScoringScheme.STUDY_DISCIPLINE, "ATTENDANCE", "出勤2", new BigDecimal("40")),
                new ScoringItem("OTHER", "lower", "", new BigDecimal("-1")));
        assertThatThrownBy(() -> ScoringScheme.validate(items)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("代码重复：ATTENDANCE")
                .hasMessageContaining("模块无效：OTHER")
                .hasMessageContaining("代码无效：lower")
                .hasMessageContaining("名称不能为空")
                .hasMessageContaining("缺少常规模块班级管理")
                .hasMessageContaining("实际为 90 分");
    }
}
