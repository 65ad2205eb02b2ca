package cn.ganxun.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.certificates.CertificateService;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** R22 credits and hours in the ledger, R3 form marks and the R3a archive (enrollment), on the database. */
@GanxunTest
@AlsoOnPostgres
@Transactional
class CreditServiceTest {

    static final LocalDate START = LocalDate.of(2027, 3, 1);

    @Autowired CreditService credits;
    @Autowired CertificateService certificates;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired JdbcClient jdbc;

    long unit;

    @BeforeEach
    void setUp() {
        unit = fixtures.unit("学分测试局");
    }

    @Test
    void R22_a_two_day_off_job_class_posts_hours_but_no_credits() {
        long classId = fixtures.trainingClass("学分", START, START.plusDays(1), true);
        List<Long> sessions = completion.sessionsEveryDay(classId, START, START.plusDays(1), 4);
        long cadre = trainee(classId, "PASS", true);
        sessions.forEach(s -> completion.mark(s, cadre, "PRESENT"));

        CreditEntry entry = single(credits.postForClass(classId));

        assertThat(entry.credits()).isEqualByComparingTo("0");
        assertThat(entry.hours()).isEqualByComparingTo("16");
        assertThat(entry.reason()).contains("不足3天不计学分");
        assertThat(entry.source()).isEqualTo("CLASS");
        assertThat(entry.sourceRef()).isEqualTo(fixtures.classNumber(classId));
    }

    @Test
    void R22_a_three_day_off_job_class_earns_15_credits_with_full_attendance() {
        long classId = fixtures.trainingClass("学分", START, START.plusDays(2), true);
        List<Long> sessions = completion.sessionsEveryDay(classId, START, START.plusDays(2), 4);
        long cadre = trainee(classId, "PASS", true);
        sessions.forEach(s -> completion.mark(s, cadre, "PRESENT"));

        CreditEntry entry = single(credits.postForClass(classId));

        assertThat(entry.credits()).isEqualByComparingTo("15");
        assertThat(entry.hours()).isEqualByComparingTo("24");
        assertThat(entry.year()).isEqualTo(2027);
        assertThat(entry.reason()).contains("5学分/天×3天×100.0%");
    }

    @Test
    void R22_a_ten_day_off_job_class_earns_50_credits_with_full_attendance_and_45_with_nine_tenths() {
        LocalDate end = START.plusDays(9);
        long classId = fixtures.trainingClass("学分", START, end, true);
        List<Long> sessions = completion.sessionsEveryDay(classId, START, end, 4);
        long full = trainee(classId, "EXCELLENT", true);
        long partial = trainee(classId, "GOOD", true);
        sessions.forEach(s -> completion.mark(s, full, "PRESENT"));
        for (int i = 0; i < sessions.size(); i++) {
            completion.mark(sessions.get(i), partial, i < 2 ? "ABSENT" : "LATE");
        }

        Map<Long, CreditEntry> entries = byCadre(credits.postForClass(classId));

        assertThat(entries.get(full).credits()).isEqualByComparingTo("50");
        assertThat(entries.get(full).hours()).isEqualByComparingTo("80");
        assertThat(entries.get(partial).credits()).isEqualByComparingTo("45");
        assertThat(entries.get(partial).hours()).isEqualByComparingTo("72");
        assertThat(entries.get(partial).reason()).contains("72/80", "90.0%");
    }

    @Test
    void R22_partial_attendance_counts_the_latest_mark_and_leave_as_not_attended() {
        LocalDate end = START.plusDays(2);
        long classId = fixtures.trainingClass("学分", START, end, true);
        List<Long> sessions = completion.sessionsEveryDay(classId, START, end, 4); // 6 × 4 = 24 hours
        long cadre = trainee(classId, "PASS", true);
        completion.mark(sessions.get(0), cadre, "PRESENT");
        completion.mark(sessions.get(1), cadre, "LATE");
        completion.mark(sessions.get(2), cadre, "ABSENT");
        completion.mark(sessions.get(2), cadre, "PRESENT"); // corrected: counts
        completion.mark(sessions.get(3), cadre, "PRESENT");
        completion.mark(sessions.get(3), cadre, "ON_LEAVE"); // corrected to leave: does not count
        completion.mark(sessions.get(4), cadre, "PRESENT");
        // session 5: no mark at all — not attended

        CreditEntry entry = single(credits.postForClass(classId));

        assertThat(entry.hours()).isEqualByComparingTo("16");
        assertThat(entry.credits()).isEqualByComparingTo("10"); // 15 × 16/24
        completion.mark(sessions.get(5), cadre, "PRESENT"); // 20/24 → 12.5
        long otherClass = fixtures.trainingClass("学分", START, end, true);
        List<Long> other = completion.sessionsEveryDay(otherClass, START, end, 4);
        long second = trainee(otherClass, "PASS", true);
        for (int i = 0; i < other.size(); i++) {
            completion.mark(other.get(i), second, i == 0 ? "ON_LEAVE" : "PRESENT");
        }
        assertThat(single(credits.postForClass(otherClass)).credits()).isEqualByComparingTo("12.5");
    }

    @Test
    void R22_on_job_classes_and_failed_or_incomplete_trainees_post_hours_with_zero_credits() {
        LocalDate end = START.plusDays(4);
        long onJob = fixtures.trainingClass("学分", START, end, false);
        List<Long> onJobSessions = completion.sessionsEveryDay(onJob, START, end, 3);
        long worker = trainee(onJob, "PASS", true);
        onJobSessions.forEach(s -> completion.mark(s, worker, "PRESENT"));
        long offJob = fixtures.trainingClass("学分", START, end, true);
        List<Long> sessions = completion.sessionsEveryDay(offJob, START, end, 4);
        long failed = trainee(offJob, "FAIL", true);
        long incomplete = trainee(offJob, "PASS", false);
        sessions.forEach(s -> completion.mark(s, failed, "PRESENT"));
        sessions.subList(0, 3).forEach(s -> completion.mark(s, incomplete, "PRESENT"));

        CreditEntry onJobEntry = single(credits.postForClass(onJob));
        Map<Long, CreditEntry> entries = byCadre(credits.postForClass(offJob));

        assertThat(onJobEntry.credits()).isEqualByComparingTo("0");
        assertThat(onJobEntry.hours()).isEqualByComparingTo("30");
        assertThat(onJobEntry.reason()).contains("在职培训不计学分");
        assertThat(entries.get(failed).credits()).isEqualByComparingTo("0");
        assertThat(entries.get(failed).hours()).isEqualByComparingTo("40");
        assertThat(entries.get(failed).reason()).contains("考核不合格");
        assertThat(entries.get(incomplete).credits()).isEqualByComparingTo("0");
        assertThat(entries.get(incomplete).hours()).isEqualByComparingTo("12");
        assertThat(entries.get(incomplete).reason()).contains("未完成学习");
    }

    @Test
    void R22_posting_again_changes_nothing_and_the_credit_year_is_the_end_year() {
        LocalDate start = LocalDate.of(2027, 12, 29);
        LocalDate end = LocalDate.of(2028, 1, 2);
        long classId = fixtures.trainingClass("学分", start, end, true);
        long cadre = trainee(classId, "PASS", true); // no sessions kept: full attendance, curriculum hours
        fixtures.course(classId, "PARTY_THEORY", 30);
        long unconfirmed = fixtures.cadre(unit, Rank.STAFF);
        fixtures.enroll(classId, unconfirmed, "ENROLLED", null);
        completion.unconfirmedResult(classId, unconfirmed, "PASS", true);

        List<CreditEntry> first = credits.postForClass(classId);
        List<CreditEntry> again = credits.postForClass(classId);

        assertThat(first).extracting(CreditEntry::cadreId).containsExactly(cadre);
        assertThat(again).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(first);
        CreditEntry entry = first.get(0);
        assertThat(entry.credits()).isEqualByComparingTo("25");
        assertThat(entry.hours()).isEqualByComparingTo("30");
        assertThat(entry.year()).isEqualTo(2028);
        assertThat(entry.reason()).contains("未记考勤");
        assertThat(credits.ledger(cadre, 2028).totalCredits()).isEqualByComparingTo("25");
        assertThat(credits.ledger(cadre, 2027).entries()).isEmpty();
        assertThat(credits.ledger(cadre, null).entries()).hasSize(1);
    }

    @Test
    void R3_R3a_the_enrollment_gets_status_hours_credits_grade_certificate_and_form_marks() {
        LocalDate twoMonthsEnd = LocalDate.of(2027, 4, 30);
        long longClass = fixtures.trainingClass("学分", START, twoMonthsEnd, true);
        long shortClass = fixtures.trainingClass("学分", START, LocalDate.of(2027, 4, 29), true);
        long onJobClass = fixtures.trainingClass("学分", START, LocalDate.of(2027, 6, 30), false);
        long cadre = fixtures.cadre(unit, Rank.STAFF);
        for (long classId : new long[] {longClass, shortClass, onJobClass}) {
            fixtures.course(classId, "PARTY_THEORY", 40);
            fixtures.enroll(classId, cadre, "ENROLLED", null);
        }
        completion.result(longClass, cadre, "EXCELLENT", true);
        completion.result(shortClass, cadre, "FAIL", false);
        completion.result(onJobClass, cadre, "GOOD", true);
        String number = certificates.issueFor(longClass).get(0).certificateNumber();

        credits.postForClass(longClass);
        credits.postForClass(shortClass);
        credits.postForClass(onJobClass);

        Map<String, Object> longRow = enrollment(longClass, cadre);
        assertThat(longRow.get("status")).isEqualTo("COMPLETED");
        assertThat((BigDecimal) longRow.get("hours")).isEqualByComparingTo("40");
        assertThat((BigDecimal) longRow.get("credits")).isEqualByComparingTo("305"); // 61 days × 5
        assertThat(longRow.get("grade")).isEqualTo("EXCELLENT");
        assertThat(longRow.get("certificate_number")).isEqualTo(number);
        assertThat(longRow.get("for_annual_appraisal")).isEqualTo(true);
        assertThat(longRow.get("for_appointment_form")).isEqualTo(true);
        Map<String, Object> shortRow = enrollment(shortClass, cadre);
        assertThat(shortRow.get("status")).isEqualTo("INCOMPLETE");
        assertThat(shortRow.get("grade")).isEqualTo("FAIL");
        assertThat(shortRow.get("certificate_number")).isNull();
        assertThat(shortRow.get("for_annual_appraisal")).isEqualTo(true);
        assertThat(shortRow.get("for_appointment_form")).isEqualTo(false);
        Map<String, Object> onJobRow = enrollment(onJobClass, cadre);
        assertThat(onJobRow.get("for_annual_appraisal")).isEqualTo(false);
        assertThat(onJobRow.get("for_appointment_form")).isEqualTo(false);
        assertThat((BigDecimal) onJobRow.get("credits")).isEqualByComparingTo("0");
    }

    private long trainee(long classId, String grade, boolean completed) {
        long cadre = fixtures.cadre(unit, Rank.STAFF);
        fixtures.enroll(classId, cadre, "ENROLLED", null);
        completion.result(classId, cadre, grade, completed);
        return cadre;
    }

    /** The enrollment row with lower-case column names (H2 reports them in upper case). */
    private Map<String, Object> enrollment(long classId, long cadreId) {
        Map<String, Object> row = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT status, hours, credits, grade, certificate_number, for_annual_appraisal, for_appointment_form
                  FROM enrollment WHERE class_id = ? AND cadre_id = ?""")
                .params(classId, cadreId).query().singleRow()
                .forEach((column, value) -> row.put(column.toLowerCase(), value));
        return row;
    }

    private static CreditEntry single(List<CreditEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static Map<Long, CreditEntry> byCadre(List<CreditEntry> entries) {
        return entries.stream().collect(java.util.stream.Collectors.toMap(CreditEntry::cadreId, e -> e));
    }
}
