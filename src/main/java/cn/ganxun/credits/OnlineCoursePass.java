package cn.ganxun.credits;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One online course a cadre passed (R22: 5–20 credits), as recorded over REST or by a CSV row. */
public record OnlineCoursePass(String cadreNumber, String courseCode, String courseTitle, BigDecimal credits,
        LocalDate passedOn) {
}
