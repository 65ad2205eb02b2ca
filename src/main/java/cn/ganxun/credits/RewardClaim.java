package cn.ganxun.credits;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A reward claim (R22) and its decision: PENDING, APPROVED (credits posted) or REFUSED with the reason. */
public record RewardClaim(long id, long cadreId, RewardKind kind, RewardRole role, String title, int year,
        BigDecimal credits, String evidence, String status, String claimedBy, LocalDateTime claimedAt, String decidedBy,
        LocalDateTime decidedAt, String decisionReason) {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";
}
