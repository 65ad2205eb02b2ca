package cn.ganxun.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A teaching session to create: date, period (MORNING, AFTERNOON, EVENING or 上午/下午/晚上), title, hours. */
public record NewSession(LocalDate sessionDate, String period, String title, BigDecimal hours) {
}
