package cn.ganxun.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.ganxun.cadres.Category;
import cn.ganxun.cadres.Rank;
import cn.ganxun.coverage.CoverageQuery.GroupBy;

/** What the coverage API returns. */
public final class CoverageViews {

    private CoverageViews() {
    }

    public record UnitRef(long id, String code, String name) {
    }

    /**
     * One cadre's coverage over the rolling five years ending {@code asOf}: the window is {@code (windowStart, asOf]}.
     */
    public record CadreCoverage(long cadreId, String cadreNumber, String name, LocalDate asOf, LocalDate windowStart,
            Light light, String lightLabel, BigDecimal partyHours, BigDecimal totalHours, int requiredHours,
            BigDecimal shortfall, String reason) {
    }

    /** One line of the coverage list (R5, R6); {@code shortfall} is the hours still missing (0 once reached). */
    public record CoverageRow(long cadreId, String cadreNumber, String name, UnitRef unit, Rank rank, String rankLabel,
            Category category, String categoryLabel, Light light, String lightLabel, BigDecimal partyHours,
            BigDecimal totalHours, int requiredHours, BigDecimal shortfall, String reason) {
    }

    public record CoveragePage(LocalDate asOf, LocalDate windowStart, List<CoverageRow> items, int page, int size, long total) {
    }

    /**
     * One group of a summary (R7). {@code activeCadres} = the group's active cadres; {@code participants} = those with
     * an enrollment COMPLETED or INCOMPLETE in a class that ended in the window; {@code passed} = participants whose
     * enrollments in the window are all COMPLETED and none is graded FAIL. The rates are participants ÷ active cadres
     * and passed ÷ participants, four decimals (0.8125 = 81.25 %), null when the divisor is 0.
     */
    public record SummaryRow(String key, String label, long activeCadres, long red, long yellow, long green,
            long participants, BigDecimal participationRate, long passed, BigDecimal passRate) {
    }

    /** The groups in their natural order (unit code, rank from highest, category) and the total over all of them. */
    public record CoverageSummary(LocalDate asOf, LocalDate windowStart, GroupBy groupBy, List<SummaryRow> groups,
            SummaryRow total) {
    }
}
