package cn.ganxun.followup;

import java.math.BigDecimal;

/** R29: one indicator scored by one source in an interview. */
public record NewIndicatorScore(String indicatorCode, ScoreSource source, BigDecimal score) {
}
