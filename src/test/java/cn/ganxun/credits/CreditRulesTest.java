package cn.ganxun.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.ganxun.attendance.AttendanceService;

/** R22 credit arithmetic and R3 form marks, without Spring. */
class CreditRulesTest {

    static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);

    @Test
    void R22_days_count_start_and_end_and_three_off_job_days_earn_credits() {
        assertThat(CreditRules.days(MARCH_1, MARCH_1.plusDays(1))).isEqualTo(2);
        assertThat(CreditRules.earnsCredits(true, MARCH_1, MARCH_1.plusDays(1))).isFalse();
        assertThat(CreditRules.earnsCredits(true, MARCH_1, MARCH_1.plusDays(2))).isTrue();
        assertThat(CreditRules.earnsCredits(false, MARCH_1, MARCH_1.plusDays(9))).isFalse();
    }

    @Test
    void R22_five_credits_a_day_times_attendance_rounded_to_half_credits() {
        assertThat(CreditRules.credits(3, BigDecimal.ONE)).isEqualByComparingTo("15");
        assertThat(CreditRules.credits(10, BigDecimal.ONE)).isEqualByComparingTo("50");
        assertThat(CreditRules.credits(3, AttendanceService.share(bd(20), bd(24)))).isEqualByComparingTo("12.5"); // 12.5
        assertThat(CreditRules.credits(10, AttendanceService.share(bd(72), bd(80)))).isEqualByComparingTo("45");
        assertThat(CreditRules.credits(3, AttendanceService.share(bd(23), bd(24)))).isEqualByComparingTo("14.5"); // 14.375
        assertThat(CreditRules.credits(3, AttendanceService.share(bd(22), bd(24)))).isEqualByComparingTo("14"); // 13.75 → 14
        assertThat(CreditRules.credits(3, BigDecimal.ZERO)).isEqualByComparingTo("0");
        assertThat(AttendanceService.share(bd(5), BigDecimal.ZERO)).isEqualByComparingTo("1");
    }

    @Test
    void R3_off_job_goes_into_the_appraisal_form_and_two_months_or_more_into_the_appointment_form() {
        assertThat(CreditRules.forAnnualAppraisal(true)).isTrue();
        assertThat(CreditRules.forAnnualAppraisal(false)).isFalse();
        assertThat(CreditRules.forAppointmentForm(true, MARCH_1, LocalDate.of(2027, 4, 30))).isTrue();
        assertThat(CreditRules.forAppointmentForm(true, MARCH_1, LocalDate.of(2027, 4, 29))).isFalse();
        assertThat(CreditRules.forAppointmentForm(false, MARCH_1, LocalDate.of(2027, 6, 30))).isFalse();
        assertThat(CreditRules.forAppointmentForm(true, LocalDate.of(2027, 1, 31), LocalDate.of(2027, 3, 30))).isTrue();
        assertThat(CreditRules.forAppointmentForm(true, LocalDate.of(2027, 1, 31), LocalDate.of(2027, 3, 29))).isFalse();
    }

    private static BigDecimal bd(int value) {
        return BigDecimal.valueOf(value);
    }
}
