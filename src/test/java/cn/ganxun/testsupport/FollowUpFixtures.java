package cn.ganxun.testsupport;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An open {@code follow_up} row written straight to the table, for tests of the sample and the unit visits that do
 * not run the follow-up process (which opens follow-ups in the real flow).
 */
@Component
public class FollowUpFixtures {

    private final JdbcClient jdbc;

    FollowUpFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A one-year OPEN follow-up of the class from {@code startsOn}; seminar and summaries due two months later. */
    public long openFollowUp(long classId, LocalDate startsOn, LocalDate visitsDueOn) {
        jdbc.sql("""
                INSERT INTO follow_up (class_id, years, starts_on, ends_on, seminar_due_on, summaries_due_on, visits_due_on,
                                       status, opened_at)
                VALUES (?, 1, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(classId, startsOn, startsOn.plusYears(1), startsOn.plusMonths(2), startsOn.plusMonths(2), visitsDueOn,
                        LocalDateTime.now())
                .update();
        return jdbc.sql("SELECT id FROM follow_up WHERE class_id = ?").param(classId).query(Long.class).single();
    }
}
