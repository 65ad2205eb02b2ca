package cn.ganxun.dispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * R10 over-dispatch: of a unit's active cadres, how many would be away on off-the-job training in the period
 * (already enrolled, plus the candidates).
 */
record UnitLoad(long unitId, String unitName, int activeCadres, int awayCadres) {

    /** More than {@code maxShare} of the active cadres away. */
    boolean exceeds(BigDecimal maxShare) {
        return BigDecimal.valueOf(awayCadres).compareTo(maxShare.multiply(BigDecimal.valueOf(activeCadres))) > 0;
    }

    /** The most cadres the share allows away at once. */
    int limit(BigDecimal maxShare) {
        return maxShare.multiply(BigDecimal.valueOf(activeCadres)).setScale(0, RoundingMode.FLOOR).intValue();
    }
}
