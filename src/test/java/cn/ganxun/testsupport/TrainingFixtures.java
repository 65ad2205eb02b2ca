package cn.ganxun.testsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ganxun.cadres.Rank;
import cn.ganxun.institutions.InstitutionKind;

/**
 * Hand-built units, cadres, classes, courses and enrollments for rule tests. Codes and numbers start with FX, outside
 * the demo city's ranges; run inside a rolled-back test transaction.
 */
@Component
public class TrainingFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final TestDirectory directory;

    TrainingFixtures(JdbcClient jdbc, TestDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public long unit(String name) {
        String code = "FXU" + SEQUENCE.incrementAndGet();
        jdbc.sql("INSERT INTO unit (code, name, kind) VALUES (?, ?, 'CITY_DEPARTMENT')").params(code, name).update();
        return jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
    }

    public long cadre(long unitId, Rank rank) {
        return cadre(unitId, rank, "ACTIVE");
    }

    public long retiredCadre(long unitId) {
        return cadre(unitId, Rank.STAFF, "RETIRED");
    }

    private long cadre(long unitId, Rank rank, String status) {
        long n = SEQUENCE.incrementAndGet();
        String number = "FXC" + n;
        LocalDateTime now = LocalDateTime.now();
        jdbc.sql("""
                INSERT INTO cadre (cadre_number, name, id_number, gender, birth_date, rank_level, category, unit_id,
                                   status, created_at, updated_at)
                VALUES (?, ?, ?, 'MALE', ?, ?, 'CIVIL_SERVANT', ?, ?, ?, ?)""")
                .params(number, "测试干部" + n, String.format("FX%016d", n), LocalDate.of(1980, 1, 1), rank.name(),
                        unitId, status, now, now)
                .update();
        return jdbc.sql("SELECT id FROM cadre WHERE cadre_number = ?").param(number).query(Long.class).single();
    }

    /** A class without curriculum; add courses with {@link #course}. Its title is 测试班 + its number. */
    public long trainingClass(String topic, LocalDate start, LocalDate end, boolean offJob) {
        long institutionId = directory.institution("FXI01", "测试培训学院", InstitutionKind.CADRE_COLLEGE).id();
        String number = "FXK" + SEQUENCE.incrementAndGet();
        LocalDateTime now = LocalDateTime.now();
        jdbc.sql("""
                INSERT INTO training_class (class_number, title, institution_id, class_type, topic, start_date, end_date,
                        off_job, planned_participants, dispatch_mode, status, created_at, updated_at)
                VALUES (?, ?, ?, 'TRAINING', ?, ?, ?, ?, 30, 'QUOTA', 'APPROVED', ?, ?)""")
                .params(number, "测试班" + number, institutionId, topic, start, end, offJob, now, now)
                .update();
        return jdbc.sql("SELECT id FROM training_class WHERE class_number = ?").param(number).query(Long.class).single();
    }

    /** A curriculum line: category PARTY_THEORY, PARTY_SPIRIT, PROFESSIONAL or OTHER. */
    public void course(long classId, String category, double hours) {
        jdbc.sql("""
                INSERT INTO course (class_id, line_no, title, hours, category)
                VALUES (?, (SELECT COUNT(*) + 1 FROM course WHERE class_id = ?), ?, ?, ?)""")
                .params(classId, classId, category + "课程", BigDecimal.valueOf(hours), category)
                .update();
    }

    /** An enrollment with status ENROLLED, COMPLETED, INCOMPLETE or WITHDRAWN; hours may be null. */
    public void enroll(long classId, long cadreId, String status, Double hours) {
        jdbc.sql("INSERT INTO enrollment (class_id, cadre_id, status, hours, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(classId, cadreId, status, hours == null ? null : BigDecimal.valueOf(hours), LocalDateTime.now())
                .update();
    }

    public String classNumber(long classId) {
        return jdbc.sql("SELECT class_number FROM training_class WHERE id = ?").param(classId).query(String.class).single();
    }
}
