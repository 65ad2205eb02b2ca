package cn.ganxun.certificates;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CertificateRepository {

    private static final String COLUMNS = """
            SELECT ce.id, ce.certificate_number, ce.verification_code, ce.status, ce.issued_at, ce.revoked_at,
                   ce.revoke_reason, tc.id AS class_id, tc.class_number, tc.title, tc.start_date, tc.end_date,
                   i.id AS institution_id, i.name AS institution_name, c.id AS cadre_id, c.name AS cadre_name,
                   c.unit_id
              FROM certificate ce
              JOIN training_class tc ON tc.id = ce.class_id
              JOIN institution i ON i.id = tc.institution_id
              JOIN cadre c ON c.id = ce.cadre_id""";

    private final JdbcClient jdbc;

    CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Certificate> findByNumber(String number) {
        return jdbc.sql(COLUMNS + " WHERE ce.certificate_number = ?").param(number)
                .query(CertificateRepository::map).optional();
    }

    List<Certificate> findByClass(long classId) {
        return jdbc.sql(COLUMNS + " WHERE ce.class_id = ? ORDER BY ce.certificate_number").param(classId)
                .query(CertificateRepository::map).list();
    }

    /** Trainees of the class whose confirmed result says completed and passed (PASS, GOOD, EXCELLENT) and who hold no certificate yet. */
    List<Long> passedWithoutCertificate(long classId) {
        return jdbc.sql("""
                SELECT r.cadre_id FROM assessment_result r
                 WHERE r.class_id = ? AND r.confirmed_at IS NOT NULL AND r.completed = TRUE
                   AND r.grade IN ('PASS', 'GOOD', 'EXCELLENT')
                   AND NOT EXISTS (SELECT 1 FROM certificate ce WHERE ce.class_id = r.class_id AND ce.cadre_id = r.cadre_id)
                 ORDER BY r.class_rank, r.cadre_id""")
                .param(classId).query(Long.class).list();
    }

    boolean exists(long classId, long cadreId) {
        return jdbc.sql("SELECT COUNT(*) FROM certificate WHERE class_id = ? AND cadre_id = ?")
                .params(classId, cadreId).query(Integer.class).single() > 0;
    }

    /** Next certificate number of the year, e.g. GX-2027-000123 (number_counter "certificate"). */
    String nextNumber(int year) {
        String counter = "certificate";
        int updated = jdbc.sql("UPDATE number_counter SET counter_value = counter_value + 1 WHERE name = ? AND counter_year = ?")
                .params(counter, year).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO number_counter (name, counter_year, counter_value) VALUES (?, ?, 1)")
                    .params(counter, year).update();
        }
        int value = jdbc.sql("SELECT counter_value FROM number_counter WHERE name = ? AND counter_year = ?")
                .params(counter, year).query(Integer.class).single();
        return String.format("GX-%d-%06d", year, value);
    }

    void insert(long classId, long cadreId, String number, String code, LocalDateTime now) {
        jdbc.sql("""
                INSERT INTO certificate (class_id, cadre_id, certificate_number, verification_code, status, issued_at)
                VALUES (?, ?, ?, ?, 'VALID', ?)""")
                .params(classId, cadreId, number, code, Timestamp.valueOf(now)).update();
        // R3a: the certificate goes into the trainee's archive (the enrollment), whichever step runs first
        jdbc.sql("UPDATE enrollment SET certificate_number = ? WHERE class_id = ? AND cadre_id = ?")
                .params(number, classId, cadreId).update();
    }

    boolean revoke(String number, String reason, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE certificate SET status = 'REVOKED', revoked_at = ?, revoke_reason = ?
                 WHERE certificate_number = ? AND status = 'VALID'""")
                .params(Timestamp.valueOf(now), reason, number).update() > 0;
    }

    /** The class's hours: its curriculum, or else its teaching sessions. */
    BigDecimal classHours(long classId) {
        BigDecimal curriculum = jdbc.sql("SELECT SUM(hours) FROM course WHERE class_id = ?").param(classId)
                .query(BigDecimal.class).optional().orElse(null);
        if (curriculum != null && curriculum.signum() > 0) {
            return curriculum;
        }
        return jdbc.sql("SELECT SUM(hours) FROM teaching_session WHERE class_id = ?").param(classId)
                .query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    /** Whether the unit is the cadre's unit or a unit above it (a district's HR also serve its towns). */
    boolean unitCovers(long unitId, long cadreUnitId) {
        return jdbc.sql("""
                WITH RECURSIVE up (id, parent_id) AS (
                    SELECT id, parent_id FROM unit WHERE id = ?
                    UNION ALL
                    SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id
                )
                SELECT COUNT(*) FROM up WHERE id = ?""")
                .params(cadreUnitId, unitId).query(Integer.class).single() > 0;
    }

    private static Certificate map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Certificate(rs.getLong("id"), rs.getString("certificate_number"), rs.getString("verification_code"),
                rs.getString("status"), rs.getTimestamp("issued_at").toLocalDateTime(),
                revoked == null ? null : revoked.toLocalDateTime(), rs.getString("revoke_reason"),
                rs.getLong("class_id"), rs.getString("class_number"), rs.getString("title"),
                rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                rs.getLong("institution_id"), rs.getString("institution_name"), rs.getLong("cadre_id"),
                rs.getString("cadre_name"), rs.getLong("unit_id"));
    }
}
