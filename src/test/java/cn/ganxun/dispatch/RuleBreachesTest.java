package cn.ganxun.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RuleBreachesTest {

    private static final RuleBreach RETIRED = RuleBreach.of(BreachCode.NOT_ACTIVE, "已退休", null);
    private static final RuleBreach SAME_TOPIC = RuleBreach.of(BreachCode.SAME_TOPIC_WITHIN_A_YEAR, "同主题", null);
    private static final RuleBreach CROWDED = RuleBreach.of(BreachCode.UNIT_OVER_DISPATCHED, "过度调训", null);

    @Test
    void eachCodeCarriesItsRuleIdAndSeverity() {
        assertThat(RETIRED.ruleId()).isEqualTo("R1");
        assertThat(RETIRED.severity()).isEqualTo(BreachSeverity.BLOCK);
        assertThat(RETIRED.overridable()).isFalse();
        assertThat(RuleBreach.of(BreachCode.OTHER_UNIT, "x", null).ruleId()).isEqualTo("R9");
        assertThat(SAME_TOPIC.ruleId()).isEqualTo("R10");
        assertThat(SAME_TOPIC.overridable()).isTrue();
        assertThat(CROWDED.severity()).isEqualTo(BreachSeverity.WARNING);
        assertThat(CROWDED.overridable()).isFalse();
    }

    @Test
    void r1_aBlockingBreachBlocksAndNeedsNoOverride() {
        assertThat(RuleBreaches.blocks(List.of(SAME_TOPIC, RETIRED))).isTrue();
        assertThat(RuleBreaches.needsOverride(List.of(SAME_TOPIC, RETIRED))).isFalse();
    }

    @Test
    void r10_aGenerallyRuleNeedsAnOverrideAndAWarningNeither() {
        assertThat(RuleBreaches.blocks(List.of(SAME_TOPIC, CROWDED))).isFalse();
        assertThat(RuleBreaches.needsOverride(List.of(SAME_TOPIC, CROWDED))).isTrue();
        assertThat(RuleBreaches.blocks(List.of(CROWDED))).isFalse();
        assertThat(RuleBreaches.needsOverride(List.of(CROWDED))).isFalse();
        assertThat(RuleBreaches.blocks(List.of())).isFalse();
        assertThat(RuleBreaches.needsOverride(List.of())).isFalse();
    }
}
