package cn.ganxun.credits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The class-credit rules of R22 and the form marks of R3, without the database.
 * <ul>
 * <li>R22: off-job training of 3 calendar days or more (start and end day included) earns 5 credits a day times the
 * attendance share, rounded to the nearest 0.5 (halves up). Shorter or on-job training posts its hours with 0
 * credits.</li>
 * <li>R3: off-job training goes into the annual appraisal form; off-job training of 2 months or longer — the end
 * date is on or after the start date plus 2 months minus 1 day (1 March → 30 April) — also into the appointment
 * approval form.</li>
 * </ul>
 */
final class CreditRules {

    static final BigDecimal CREDITS_PER_DAY = BigDecimal.valueOf(5);
    static final int MIN_DAYS = 3;

    private CreditRules() {
    }

    static long days(LocalDate start, LocalDate end) {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    static boolean earnsCredits(boolean offJob, LocalDate start, LocalDate end) {
        return offJob && days(start, end) >= MIN_DAYS;
    }

    /** 5 × days × share, rounded to the nearest 0.5. */
    static BigDecimal credits(long days, BigDecimal attendanceShare) {
        BigDecimal raw = CREDITS_PER_DAY.multiply(BigDecimal.valueOf(days)).multiply(attendanceShare);
        return raw.multiply(BigDecimal.valueOf(2)).setScale(0, RoundingMode.HALF_UP)
                .divide(BigDecimal.valueOf(2)).setScale(1, RoundingMode.UNNECESSARY);
    }

    static boolean forAnnualAppraisal(boolean offJob) {
        return offJob;
    }

    static boolean forAppointmentForm(boolean offJob, LocalDate start, LocalDate end) {
        return offJob && !end.isBefore(start.plusMonths(2).minusDays(1));
    }
}
