package cn.ganxun.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A teaching session of a class: the unit attendance is kept for. */
public record TeachingSession(long id, long classId, LocalDate sessionDate, Period period, String title, BigDecimal hours) {

    public LocalDateTime startsAt() {
        return sessionDate.atTime(period.starts());
    }

    public LocalDateTime endsAt() {
        return sessionDate.atTime(period.ends());
    }
}
