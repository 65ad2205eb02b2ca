package cn.ganxun.credits;

import java.math.BigDecimal;
import java.util.List;

/** A cadre's credits, of one year or (year null) of all years. */
public record CreditLedger(long cadreId, Integer year, BigDecimal totalCredits, BigDecimal totalHours,
        List<CreditEntry> entries) {
}
