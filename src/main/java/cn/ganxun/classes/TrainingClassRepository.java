package cn.ganxun.classes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** SQL for training classes, their curricula, rule findings and status history. */
@Repository
class TrainingClassRepository {

    private static final String SELECT_CLASS = """
            SELECT c.*, i.code AS institution_code, i.name AS institution_name,
                   (SELECT COALESCE(SUM(k.hours), 0) FROM course k WHERE k.class_id = c.id) AS total_hours
              FROM training_class c JOIN institution i ON i.id = c.institution_id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;

    TrainingClassRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Optional<TrainingClass> findById(long id) {
        return jdbc.sql(SELECT_CLASS + " WHERE c.id = ?").param(id).query(TrainingClassRepository::map).optional();
    }

    /**
     * Next class number of the year for one institution, e.g. DX01-2027-003, taken in its own short transaction: the
     * counter row is locked only while it is bumped, not through the whole filing (process start, rules, review task),
     * so concurrent filings of one institution no longer queue behind each other. The number stays taken if the
     * filing rolls back afterwards (a gap in the sequence; filings are validated before the number is taken).
     */
    String nextClassNumber(String institutionCode, int year) {
        String counter = "class-" + institutionCode;
        int value;
        try {
            value = newTransaction.execute(status -> bump(counter, year, true));
        } catch (DuplicateKeyException firstOfTheYear) {
            // another filing created the year's counter row at the same moment: it exists now
            value = newTransaction.execute(status -> bump(counter, year, false));
        }
        return String.format("%s-%d-%03d", institutionCode, year, value);
    }

    private int bump(String counter, int year, boolean createIfMissing) {
        int updated = jdbc.sql("UPDATE number_counter SET counter_value = counter_value + 1 WHERE name = ? AND counter_year = ?")
                .params(counter, year)
                .update();
        if (updated == 0) {
            if (!createIfMissing) {
                throw new IllegalStateException("number_counter row missing: " + counter + " " + year);
            }
            jdbc.sql("INSERT INTO number_counter (name, counter_year, counter_value) VALUES (?, ?, 1)")
                    .params(counter, year)
                    .update();
        }
        return jdbc.sql("SELECT counter_value FROM number_counter WHERE name = ? AND counter_year = ?")
                .params(counter, year)
                .query(Integer.class)
                .single();
    }

    long insert(String classNumber, long institutionId, ClassFiling filing, String filedBy, LocalDateTime now) {
        jdbc.sql("""
                INSERT INTO training_class (class_number, title, institution_id, class_type, topic, start_date, end_date,
                    off_job, planned_participants, dispatch_mode, status, revision, filed_by, filed_at, created_at, updated_at)
                VALUES (:number, :title, :institution, :type, :topic, :start, :end, :offJob, :participants, :mode,
                    'FILED', 1, :filedBy, :now, :now, :now)
                """)
                .paramSource(filingParams(filing)
                        .addValue("number", classNumber)
                        .addValue("institution", institutionId)
                        .addValue("filedBy", filedBy)
                        .addValue("now", Timestamp.valueOf(now)))
                .update();
        long id = jdbc.sql("SELECT id FROM training_class WHERE class_number = ?").param(classNumber).query(Long.class).single();
        replaceCourses(id, filing.courses());
        return id;
    }

    /** A revision after a return: new data, revision + 1, back to FILED. */
    void revise(long id, ClassFiling filing, LocalDateTime now) {
        jdbc.sql("""
                UPDATE training_class SET title = :title, class_type = :type, topic = :topic, start_date = :start,
                    end_date = :end, off_job = :offJob, planned_participants = :participants, dispatch_mode = :mode,
                    status = 'FILED', revision = revision + 1, filed_at = :now, updated_at = :now
                 WHERE id = :id
                """)
                .paramSource(filingParams(filing)
                        .addValue("now", Timestamp.valueOf(now))
                        .addValue("id", id))
                .update();
        replaceCourses(id, filing.courses());
    }

    void attachProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE training_class SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    void updateStatus(long id, ClassStatus status, LocalDateTime now) {
        jdbc.sql("UPDATE training_class SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), Timestamp.valueOf(now), id)
                .update();
    }

    void recordLateFilingOverride(long id, String reason) {
        jdbc.sql("UPDATE training_class SET late_filing_override = ? WHERE id = ?").params(reason, id).update();
    }

    List<Course> courses(long classId) {
        return jdbc.sql("SELECT title, hours, category FROM course WHERE class_id = ? ORDER BY line_no")
                .param(classId)
                .query((rs, n) -> new Course(rs.getString("title"), rs.getBigDecimal("hours"),
                        CourseCategory.valueOf(rs.getString("category"))))
                .list();
    }

    void saveFindings(long classId, int revision, List<FilingFinding> findings, LocalDateTime now) {
        jdbc.sql("DELETE FROM class_filing_finding WHERE class_id = ? AND revision = ?").params(classId, revision).update();
        for (FilingFinding finding : findings) {
            jdbc.sql("INSERT INTO class_filing_finding (class_id, revision, rule_id, finding, consequence, message, checked_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(classId, revision, finding.ruleId(), finding.finding(), finding.consequence().name(),
                            finding.message(), Timestamp.valueOf(now))
                    .update();
        }
    }

    List<FilingFinding> findings(long classId, int revision) {
        return jdbc.sql("SELECT rule_id, finding, consequence, message FROM class_filing_finding "
                        + "WHERE class_id = ? AND revision = ? ORDER BY id")
                .params(classId, revision)
                .query((rs, n) -> new FilingFinding(rs.getString("rule_id"), rs.getString("finding"),
                        FilingFinding.Consequence.valueOf(rs.getString("consequence")), rs.getString("message")))
                .list();
    }

    void addHistory(long classId, ClassStatus status, String action, String actor, String remark, String overrideReason,
            LocalDateTime now) {
        jdbc.sql("INSERT INTO class_status_history (class_id, status, action, actor, remark, override_reason, occurred_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(classId, status.name(), action, actor, remark, overrideReason, Timestamp.valueOf(now))
                .update();
    }

    List<StatusChange> history(long classId) {
        return jdbc.sql("SELECT status, action, actor, remark, override_reason, occurred_at FROM class_status_history "
                        + "WHERE class_id = ? ORDER BY occurred_at, id")
                .param(classId)
                .query((rs, n) -> new StatusChange(ClassStatus.valueOf(rs.getString("status")), rs.getString("action"),
                        rs.getString("actor"), rs.getString("remark"), rs.getString("override_reason"),
                        rs.getTimestamp("occurred_at").toLocalDateTime()))
                .list();
    }

    /** One page of classes, newest start first; {@code institutionId} null = all institutions. */
    List<TrainingClass> search(Long institutionId, ClassStatus status, String text, int offset, int limit) {
        StringBuilder sql = new StringBuilder(SELECT_CLASS).append(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (institutionId != null) {
            sql.append(" AND c.institution_id = :institution");
            params.put("institution", institutionId);
        }
        if (status != null) {
            sql.append(" AND c.status = :status");
            params.put("status", status.name());
        }
        if (text != null && !text.isBlank()) {
            sql.append(" AND (c.title LIKE :text OR c.class_number LIKE :text OR c.topic LIKE :text)");
            params.put("text", "%" + text.trim() + "%");
        }
        sql.append(" ORDER BY c.start_date DESC, c.id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(TrainingClassRepository::map).list();
    }

    private void replaceCourses(long classId, List<Course> courses) {
        jdbc.sql("DELETE FROM course WHERE class_id = ?").param(classId).update();
        int line = 1;
        for (Course course : courses) {
            jdbc.sql("INSERT INTO course (class_id, line_no, title, hours, category) VALUES (?, ?, ?, ?, ?)")
                    .params(classId, line++, course.title().trim(), course.hours(), course.category().name())
                    .update();
        }
    }

    private static MapSqlParameterSource filingParams(ClassFiling filing) {
        return new MapSqlParameterSource()
                .addValue("title", filing.title().trim())
                .addValue("type", filing.classType().name())
                .addValue("topic", filing.topic().trim())
                .addValue("start", filing.startDate())
                .addValue("end", filing.endDate())
                .addValue("offJob", filing.offJob())
                .addValue("participants", filing.plannedParticipants())
                .addValue("mode", filing.dispatchMode().name());
    }

    private static TrainingClass map(ResultSet rs, int row) throws SQLException {
        Timestamp filedAt = rs.getTimestamp("filed_at");
        BigDecimal totalHours = rs.getBigDecimal("total_hours");
        return new TrainingClass(rs.getLong("id"), rs.getString("class_number"), rs.getString("title"),
                rs.getLong("institution_id"), rs.getString("institution_code"), rs.getString("institution_name"),
                ClassType.valueOf(rs.getString("class_type")), rs.getString("topic"),
                rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(), rs.getBoolean("off_job"),
                rs.getInt("planned_participants"), DispatchMode.valueOf(rs.getString("dispatch_mode")), totalHours,
                ClassStatus.valueOf(rs.getString("status")), rs.getInt("revision"), rs.getString("filed_by"),
                filedAt == null ? null : filedAt.toLocalDateTime(), rs.getString("late_filing_override"),
                rs.getString("process_instance_id"));
    }
}
