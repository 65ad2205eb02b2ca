package cn.ganxun.credits;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One line of a cadre's credit ledger (R22): year, source, reference, credits, hours and the reason. */
public record CreditEntry(long id, long cadreId, int year, String source, String sourceRef, BigDecimal credits,
        BigDecimal hours, String reason, LocalDateTime postedAt) {

    public static final String CLASS = "CLASS";
    /** An online course passed; reference = the course code. */
    public static final String ONLINE = "ONLINE";
    /** Degree study: STUDY-&lt;year&gt; (5 a year) and AWARD-&lt;degree study id&gt; (on award). */
    public static final String DEGREE = "DEGREE";
    /** An approved reward claim; reference = the claim id. */
    public static final String REWARD = "REWARD";
}
