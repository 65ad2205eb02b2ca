package cn.ganxun.followup;

import java.math.BigDecimal;

/**
 * R29: one post-evaluation indicator of a trainee level, from {@code follow-up-indicators.dmn}.
 *
 * @param kind SUBJECTIVE (e.g. satisfaction) or QUANTIFIED (e.g. policy execution rate)
 */
public record Indicator(String code, String name, String kind, BigDecimal minScore, BigDecimal maxScore) {

    public static final String SUBJECTIVE = "SUBJECTIVE";
    public static final String QUANTIFIED = "QUANTIFIED";

    public boolean accepts(BigDecimal score) {
        return score.compareTo(minScore) >= 0 && score.compareTo(maxScore) <= 0;
    }

    /** "0–100" for messages. */
    public String range() {
        return minScore.stripTrailingZeros().toPlainString() + "–" + maxScore.stripTrailingZeros().toPlainString();
    }
}
