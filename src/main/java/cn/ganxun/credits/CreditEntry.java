package cn.ganxun.credits;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One line of a cadre's credit ledger (R22): year, source, reference, credits, hours and the reason. */
public record CreditEntry(long id, long cadreId, int year, String source, String sourceRef, BigDecimal credits,
        BigDecimal hours, String reason, LocalDateTime postedAt) {

    public static final String CLASS = "CLASS";
}
