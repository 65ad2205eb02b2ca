package cn.ganxun.assessment;

import java.math.BigDecimal;
import java.util.Map;

/** One trainee's scores from one rater: item code → points (the JSON form of one textarea line). */
public record ScoreLine(String cadreNumber, Map<String, BigDecimal> points) {
}
