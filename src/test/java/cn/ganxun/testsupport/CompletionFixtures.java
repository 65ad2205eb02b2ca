package cn.ganxun.testsupport;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The end of a class for certificate, make-up and credit tests: teaching sessions, attendance marks and
 * assessment results written straight into the tables the attendance and assessment modules own.
 */
@Component
public class CompletionFixtures {

    private static final AtomicLong CLOCK = new AtomicLong();
    private static final LocalDateTime BASE = LocalDateTime.of(2020, 1, 1, 8, 0);

    private final JdbcClient jdbc;

    CompletionFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A confirmed result: grade EXCELLENT, GOOD, PASS or FAIL; completed = attended enough. */
    public void result(long classId, long cadreId, String grade, boolean completed) {
        insertResult(classId, cadreId, grade, completed, Timestamp.valueOf(LocalDateTime.now()));
    }

    /** A result the class has not confirmed yet. */
    public void unconfirmedResult(long classId, long cadreId, String grade, boolean completed) {
        insertResult(classId, cadreId, grade, completed, null);
    }

    private void insertResult(long classId, long cadreId, String grade, boolean completed, Timestamp confirmedAt) {
        int rank = jdbc.sql("SELECT COUNT(*) + 1 FROM assessment_result WHERE class_id = ?").param(classId)
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO assessment_result (class_id, cadre_id, result, grade, class_rank, completed, confirmed_by, confirmed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(classId, cadreId, new BigDecimal("80.00"), grade, rank, completed,
                        confirmedAt == null ? null : "fixture", confirmedAt)
                .update();
    }

    /** A teaching session; period MORNING, AFTERNOON or EVENING. */
    public long session(long classId, LocalDate date, String period, double hours) {
        jdbc.sql("INSERT INTO teaching_session (class_id, session_date, period, hours) VALUES (?, ?, ?, ?)")
                .params(classId, date, period, BigDecimal.valueOf(hours)).update();
        return jdbc.sql("SELECT id FROM teaching_session WHERE class_id = ? AND session_date = ? AND period = ?")
                .params(classId, date, period).query(Long.class).single();
    }

    /** Morning and afternoon sessions of {@code hoursPerSession} on every day of the class; returns their ids. */
    public java.util.List<Long> sessionsEveryDay(long classId, LocalDate start, LocalDate end, double hoursPerSession) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            ids.add(session(classId, day, "MORNING", hoursPerSession));
            ids.add(session(classId, day, "AFTERNOON", hoursPerSession));
        }
        return ids;
    }

    /** Appends a mark (the latest row is the current one): PRESENT, LATE, ON_LEAVE, ABSENT. */
    public void mark(long sessionId, long cadreId, String mark) {
        jdbc.sql("""
                INSERT INTO attendance_mark (session_id, cadre_id, mark, source, reason, recorded_by, recorded_at)
                VALUES (?, ?, ?, 'REGISTER', 'fixture', 'fixture', ?)""")
                .params(sessionId, cadreId, mark, Timestamp.valueOf(BASE.plusSeconds(CLOCK.incrementAndGet())))
                .update();
    }

    public String cadreName(long cadreId) {
        return jdbc.sql("SELECT name FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }

    public String classTitle(long classId) {
        return jdbc.sql("SELECT title FROM training_class WHERE id = ?").param(classId).query(String.class).single();
    }
}
