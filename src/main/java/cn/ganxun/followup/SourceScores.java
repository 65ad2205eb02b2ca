package cn.ganxun.followup;

import java.math.BigDecimal;

/**
 * R29: a trainee's post-evaluation by source (averages of that source's indicator scores, one decimal; null when the
 * source was never heard), the weighted combination of the sources present (null without any score) and the
 * interviews' findings in date order.
 */
public record SourceScores(TraineeLevel level, BigDecimal self, BigDecimal colleagues, BigDecimal unitLeader,
        BigDecimal publicScore, BigDecimal combined, String findings) {
}
