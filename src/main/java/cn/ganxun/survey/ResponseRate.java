package cn.ganxun.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How many of a unit's active cadres have answered (participation only: who, never what). */
public record ResponseRate(long unitId, String unitCode, String unitName, int targeted, int responded) {

    /** Percentage with one decimal; 0 for a unit without cadres. */
    public BigDecimal rate() {
        return targeted == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(responded * 100L).divide(BigDecimal.valueOf(targeted), 1, RoundingMode.HALF_UP);
    }
}
