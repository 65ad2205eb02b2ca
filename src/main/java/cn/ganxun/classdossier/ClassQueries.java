package cn.ganxun.classdossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The portal's class reads, each one statement over the whole selection with the stage from {@link ClassStage#SQL}:
 * stage counts, the paged class list, one class's row and its trainees. The visibility condition of
 * {@link ClassAccess.Scope} and the filters are part of the same statement.
 */
@Repository
class ClassQueries {

    private static final String ROWS = """
            SELECT k.id, k.class_number, k.title, k.institution_id, i.name AS institution_name, k.class_type,
                   k.start_date, k.end_date, k.planned_participants, k.process_instance_id,
                   (SELECT COUNT(*) FROM enrollment en WHERE en.class_id = k.id AND en.status <> 'WITHDRAWN') AS enrolled,
                   %s AS stage
              FROM training_class k JOIN institution i ON i.id = k.institution_id""".formatted(ClassStage.SQL);

    private final JdbcClient jdbc;

    ClassQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * SQL condition: class {@code alias} has a trainee — enrolled (any status but WITHDRAWN) or with an active
     * nomination — whose (current) unit is in the collection parameter. Uncorrelated: the units' cadres' classes are
     * found once through the cadre indexes (issue 8: a correlated test per class took a second over 1,900 classes).
     */
    static String traineeOfUnits(String alias, String parameter) {
        return """
                %1$s.id IN (SELECT te.class_id FROM enrollment te JOIN cadre tu ON tu.id = te.cadre_id
                             WHERE tu.unit_id IN (:%2$s) AND te.status <> 'WITHDRAWN'
                            UNION SELECT tn.class_id FROM nomination tn JOIN cadre tu ON tu.id = tn.cadre_id
                             WHERE tu.unit_id IN (:%2$s) AND tn.status = 'ACTIVE')""".formatted(alias, parameter);
    }

    /** The filters of the class list and the stage chart; null fields filter nothing. */
    record Filter(Integer year, Long institutionId, java.util.Set<Long> unitIds, String text) {
    }

    /** Every stage with its count (zero included), in life order. */
    Map<ClassStage, Long> stageCounts(ClassAccess.Scope scope, Filter filter, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT stage, COUNT(*) AS n FROM (" + select(scope, filter, today, params) + ") t GROUP BY stage";
        Map<ClassStage, Long> counts = new EnumMap<>(ClassStage.class);
        for (ClassStage stage : ClassStage.values()) {
            counts.put(stage, 0L);
        }
        jdbc.sql(sql).params(params).query(rs -> {
            counts.put(ClassStage.valueOf(rs.getString("stage")), rs.getLong("n"));
        });
        return counts;
    }

    long count(ClassAccess.Scope scope, Filter filter, ClassStage stage, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT COUNT(*) FROM (" + select(scope, filter, today, params) + ") t" + stageCondition(stage, params);
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** One page of the list, sorted by the whitelisted ORDER BY expression, then by id for a stable order. */
    List<ClassRow> page(ClassAccess.Scope scope, Filter filter, ClassStage stage, String orderBy, int page, int size,
            LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT * FROM (" + select(scope, filter, today, params) + ") t" + stageCondition(stage, params)
                + " ORDER BY " + orderBy + ", id LIMIT :limit OFFSET :offset";
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql(sql).params(params).query(ClassQueries::row).list();
    }

    /** One class with its stage, whoever may see it. */
    Optional<ClassRow> find(long classId, LocalDate today) {
        return jdbc.sql(ROWS + " WHERE k.id = :id").param("id", classId).param("today", today)
                .query(ClassQueries::row).optional();
    }

    /** Whether the class is inside the actor's scope. */
    boolean visible(ClassAccess.Scope scope, long classId) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", classId);
        return jdbc.sql("SELECT COUNT(*) FROM training_class k WHERE k.id = :id AND " + scope.condition(params))
                .params(params).query(Long.class).single() > 0;
    }

    boolean hasFollowUp(long classId) {
        return jdbc.sql("SELECT COUNT(*) FROM follow_up WHERE class_id = ?").param(classId).query(Long.class).single() > 0;
    }

    /** Whether the actor is on the class's staff (class teacher, lecturer, liaison). */
    boolean isStaff(long classId, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM class_staff WHERE class_id = ? AND user_id = ?").params(classId, userId)
                .query(Long.class).single() > 0;
    }

    /**
     * The class's trainees by cadre number: everybody enrolled (any status but WITHDRAWN) or with an active
     * nomination, with the way they came (named mandate or quota allocation) and where nomination and enrollment stand.
     */
    List<RosterEntry> trainees(long classId) {
        return jdbc.sql("""
                SELECT c.id, c.cadre_number, c.name, c.unit_id, u.name AS unit_name, n.id AS nomination_id,
                       n.mandate_id, n.allocation_id, n.needs_override, e.status AS enrollment_status, e.grade
                  FROM cadre c JOIN unit u ON u.id = c.unit_id
                  LEFT JOIN enrollment e ON e.class_id = :id AND e.cadre_id = c.id
                  LEFT JOIN nomination n ON n.class_id = :id AND n.cadre_id = c.id AND n.status = 'ACTIVE'
                 WHERE c.id IN (SELECT cadre_id FROM enrollment WHERE class_id = :id AND status <> 'WITHDRAWN'
                                UNION SELECT cadre_id FROM nomination WHERE class_id = :id AND status = 'ACTIVE')
                 ORDER BY c.cadre_number""")
                .param("id", classId)
                .query((rs, n) -> new RosterEntry(rs.getLong("id"), rs.getString("cadre_number"), rs.getString("name"),
                        rs.getLong("unit_id"), rs.getString("unit_name"),
                        rs.getObject("mandate_id") != null ? "NAMED" : rs.getObject("allocation_id") != null ? "QUOTA" : null,
                        rs.getObject("mandate_id", Long.class), rs.getObject("allocation_id", Long.class),
                        rs.getObject("nomination_id") != null, rs.getObject("nomination_id") != null && rs.getBoolean("needs_override"),
                        rs.getString("enrollment_status"), rs.getString("grade")))
                .list();
    }

    private String select(ClassAccess.Scope scope, Filter filter, LocalDate today, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(ROWS).append(" WHERE ").append(scope.condition(params));
        params.put("today", today);
        if (filter.year() != null) {
            sql.append(" AND k.start_date >= :yearStart AND k.start_date < :yearEnd");
            params.put("yearStart", LocalDate.of(filter.year(), 1, 1));
            params.put("yearEnd", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.institutionId() != null) {
            sql.append(" AND k.institution_id = :institutionId");
            params.put("institutionId", filter.institutionId());
        }
        if (filter.unitIds() != null) {
            sql.append(" AND ").append(traineeOfUnits("k", "filterUnits"));
            params.put("filterUnits", filter.unitIds());
        }
        if (filter.text() != null) {
            sql.append(" AND (LOWER(k.class_number) LIKE :text OR LOWER(k.title) LIKE :text)");
            params.put("text", "%" + filter.text().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        return sql.toString();
    }

    private static String stageCondition(ClassStage stage, Map<String, Object> params) {
        if (stage == null) {
            return "";
        }
        params.put("stage", stage.name());
        return " WHERE stage = :stage";
    }

    private static ClassRow row(ResultSet rs, int n) throws SQLException {
        return new ClassRow(rs.getLong("id"), rs.getString("class_number"), rs.getString("title"),
                rs.getLong("institution_id"), rs.getString("institution_name"), rs.getString("class_type"),
                rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                rs.getInt("planned_participants"), rs.getLong("enrolled"), ClassStage.valueOf(rs.getString("stage")),
                rs.getString("process_instance_id"));
    }
}
