package cn.ganxun.credits;

import java.math.BigDecimal;

/**
 * A unit's credit figures for one year (R23): its active cadres, how many failed the year, the failure share and
 * whether the unit cannot be rated "advanced" (a third or more failed).
 */
public record UnitCreditStanding(long unitId, String unitCode, String unitName, int year, int activeCadres,
        int failedCadres, BigDecimal failureShare, boolean cannotBeAdvanced) {
}
