package cn.ganxun.credits;

import java.math.BigDecimal;

/**
 * A cadre's credit standing in one year (R23), see {@link CreditStandings} for the arithmetic.
 *
 * @param earned        credits of the year's ledger entries
 * @param carriedIn     surplus carried from the previous year
 * @param available     earned + carried in; the year is passed at {@link CreditStandings#ANNUAL_REQUIREMENT} or more
 * @param surplus       max(0, available − 60): carried into the next year
 * @param fiveYearTotal credits earned in the five years ending with this one; passed at
 *                      {@link CreditStandings#FIVE_YEAR_REQUIREMENT} or more
 */
public record CreditStanding(long cadreId, int year, BigDecimal earned, BigDecimal carriedIn, BigDecimal available,
        boolean passed, BigDecimal surplus, BigDecimal fiveYearTotal, boolean fiveYearPassed) {
}
