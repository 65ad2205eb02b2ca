package cn.ganxun.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads behind {@link DispatchRules}. Each method is one statement for the whole batch of candidates; the
 * existing indexes serve them (enrollment by cadre_id, cadre by unit_id, primary keys), so no migration is needed.
 */
@Repository
class DispatchQueries {

    private static final String CLASS_COLUMNS = "k.id, k.class_number, k.title, k.topic, k.start_date, k.end_date, k.off_job";

    private final JdbcClient jdbc;

    DispatchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScheduledClass> trainingClass(long classId) {
        return jdbc.sql("SELECT " + CLASS_COLUMNS + " FROM training_class k WHERE k.id = ?")
                .param(classId)
                .query((rs, n) -> scheduledClass(rs))
                .optional();
    }

    Optional<String> unitName(long unitId) {
        return jdbc.sql("SELECT name FROM unit WHERE id = ?").param(unitId).query(String.class).optional();
    }

    List<Candidate> candidates(Collection<Long> cadreIds) {
        return jdbc.sql("""
                SELECT c.id, c.cadre_number, c.name, c.status, c.unit_id, u.name AS unit_name
                FROM cadre c JOIN unit u ON u.id = c.unit_id
                WHERE c.id IN (:ids)""")
                .param("ids", cadreIds)
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("cadre_number"), rs.getString("name"),
                        "ACTIVE".equals(rs.getString("status")), rs.getLong("unit_id"), rs.getString("unit_name")))
                .list();
    }

    /**
     * The candidates' ENROLLED or COMPLETED enrollments in other classes that R10 may compare with the target:
     * classes overlapping it, and off-the-job classes starting less than five years before or after it (the widest
     * window of R10). {@link ScheduleRules} decides which of them break a rule. Ordered by start date.
     */
    List<OtherEnrollment> otherEnrollments(ScheduledClass target, Collection<Long> cadreIds) {
        return jdbc.sql("""
                SELECT e.cadre_id, e.status, %s
                FROM enrollment e JOIN training_class k ON k.id = e.class_id
                WHERE e.cadre_id IN (:ids) AND e.status IN ('ENROLLED', 'COMPLETED') AND k.id <> :classId
                  AND ((k.start_date <= :end AND k.end_date >= :start)
                       OR (k.off_job = TRUE AND k.start_date > :earliest AND k.start_date < :latest))
                ORDER BY k.start_date, k.id""".formatted(CLASS_COLUMNS))
                .param("ids", cadreIds)
                .param("classId", target.id())
                .param("start", target.startDate())
                .param("end", target.endDate())
                .param("earliest", target.startDate().minusYears(ScheduleRules.LONG_OFF_JOB_EVERY_YEARS))
                .param("latest", target.startDate().plusYears(ScheduleRules.LONG_OFF_JOB_EVERY_YEARS))
                .query((rs, n) -> new OtherEnrollment(rs.getLong("cadre_id"), "COMPLETED".equals(rs.getString("status")),
                        scheduledClass(rs)))
                .list();
    }

    /**
     * R10 over-dispatch, per unit: its active cadres, and how many of them would be away in [from, to] — enrolled
     * (ENROLLED or COMPLETED) in an off-the-job class overlapping the period, or among the candidates; a cadre
     * counts once. Units without active cadres are left out.
     */
    List<UnitLoad> unitLoads(Collection<Long> unitIds, Collection<Long> candidateIds, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT c.unit_id, u.name AS unit_name, COUNT(*) AS active_cadres,
                       SUM(CASE WHEN c.id IN (:candidates) OR EXISTS (
                                    SELECT 1 FROM enrollment e JOIN training_class k ON k.id = e.class_id
                                    WHERE e.cadre_id = c.id AND e.status IN ('ENROLLED', 'COMPLETED')
                                      AND k.off_job = TRUE AND k.start_date <= :to AND k.end_date >= :from)
                                THEN 1 ELSE 0 END) AS away_cadres
                FROM cadre c JOIN unit u ON u.id = c.unit_id
                WHERE c.status = 'ACTIVE' AND c.unit_id IN (:units)
                GROUP BY c.unit_id, u.name""")
                .param("units", unitIds)
                .param("candidates", candidateIds)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new UnitLoad(rs.getLong("unit_id"), rs.getString("unit_name"),
                        rs.getInt("active_cadres"), rs.getInt("away_cadres")))
                .list();
    }

    private static ScheduledClass scheduledClass(ResultSet rs) throws SQLException {
        return new ScheduledClass(rs.getLong("id"), rs.getString("class_number"), rs.getString("title"),
                rs.getString("topic"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getBoolean("off_job"));
    }
}
