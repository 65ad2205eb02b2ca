package cn.ganxun.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.dashboard.ListRequest.ListPage;
import cn.ganxun.platform.EngineClock;

/**
 * Mandates a unit has not answered yet (R8, R9), per unit, before and past their deadline. A quota allocation is
 * unanswered while it is OPEN (the unit's HR has nominated nobody; its deadline is the allocation's, which an
 * extension moves); a named mandate while it is NOTIFIED (the unit's HR has neither confirmed it nor asked for a
 * substitution; its deadline is the class's enrollment deadline); both only while the class's roster is OPEN. A named
 * mandate counts for the named cadre's unit.
 */
@Service
@Transactional(readOnly = true)
class MandateFigures {

    enum Kind {
        QUOTA("名额分配"), NAMED("点名调训");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    record UnitCount(long unitId, String unitCode, String unitName, long pastDeadline, long beforeDeadline) {
    }

    record Figure(long pastDeadline, long beforeDeadline, List<UnitCount> units) {
    }

    record Row(String key, Kind kind, String kindLabel, long mandateId, long classId, String classNumber, String title,
            long unitId, String unitCode, String unitName, Long cadreId, String cadreNumber, String cadreName,
            Integer seats, LocalDateTime deadline, boolean pastDeadline, String deadlineLabel) {
    }

    private static final LinkedHashMap<String, String> SORT = ListRequest.columns(
            "deadline", "deadline", "unit", "unit_code", "classNumber", "class_number", "kind", "kind");

    private final JdbcClient jdbc;

    MandateFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Figure figure(DashboardFilter filter, Optional<Set<Long>> units) {
        Map<String, Object> params = new HashMap<>();
        List<UnitCount> counts = jdbc.sql("""
                        SELECT unit_id, MIN(unit_code) AS unit_code, MIN(unit_name) AS unit_name,
                               SUM(past_deadline) AS past_deadline, COUNT(*) - SUM(past_deadline) AS before_deadline
                        FROM (""" + open(filter, units, params) + ") m GROUP BY unit_id ORDER BY MIN(unit_code)")
                .params(params)
                .query((rs, n) -> new UnitCount(rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"),
                        rs.getLong("past_deadline"), rs.getLong("before_deadline")))
                .list();
        return new Figure(counts.stream().mapToLong(UnitCount::pastDeadline).sum(),
                counts.stream().mapToLong(UnitCount::beforeDeadline).sum(), counts);
    }

    ListPage<Row> list(DashboardFilter filter, Optional<Set<Long>> units, Kind kind, Boolean pastDeadline,
            ListRequest request) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM (" + open(filter, units, params) + ") m WHERE 1 = 1");
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        if (pastDeadline != null) {
            sql.append(" AND past_deadline = :past");
            params.put("past", pastDeadline ? 1 : 0);
        }
        return request.query(jdbc, sql.toString(), params, MandateFigures::row);
    }

    static LinkedHashMap<String, String> sortColumns() {
        return SORT;
    }

    private static String open(DashboardFilter filter, Optional<Set<Long>> units, Map<String, Object> params) {
        params.put("now", EngineClock.now());
        StringBuilder where = new StringBuilder();
        units.ifPresent(ids -> {
            where.append(" AND u.id IN (:unitIds)");
            params.put("unitIds", ids);
        });
        where.append(filter.classConditions("k.start_date", params));
        return """
                SELECT m.kind || ':' || CAST(m.mandate_id AS VARCHAR(20)) AS row_key, m.kind, m.mandate_id, k.id AS class_id,
                       k.class_number, k.title, u.id AS unit_id, u.code AS unit_code, u.name AS unit_name,
                       c.id AS cadre_id, c.cadre_number, c.name AS cadre_name, m.seats, m.deadline,
                       CASE WHEN m.deadline < :now THEN 1 ELSE 0 END AS past_deadline
                FROM (SELECT 'QUOTA' AS kind, a.id AS mandate_id, a.class_id, a.unit_id, CAST(NULL AS BIGINT) AS cadre_id,
                             a.seats, a.deadline
                      FROM quota_allocation a JOIN class_roster r ON r.class_id = a.class_id
                      WHERE a.status = 'OPEN' AND r.status = 'OPEN'
                      UNION ALL
                      SELECT 'NAMED', n.id, n.class_id, nc.unit_id, n.cadre_id, CAST(NULL AS INT), r.enrollment_deadline
                      FROM named_mandate n JOIN cadre nc ON nc.id = n.cadre_id JOIN class_roster r ON r.class_id = n.class_id
                      WHERE n.status = 'NOTIFIED' AND r.status = 'OPEN') m
                JOIN training_class k ON k.id = m.class_id
                JOIN unit u ON u.id = m.unit_id
                LEFT JOIN cadre c ON c.id = m.cadre_id
                WHERE 1 = 1""" + where;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Kind kind = Kind.valueOf(rs.getString("kind"));
        Timestamp deadline = rs.getTimestamp("deadline");
        boolean past = rs.getInt("past_deadline") == 1;
        return new Row(rs.getString("row_key"), kind, kind.label(), rs.getLong("mandate_id"), rs.getLong("class_id"),
                rs.getString("class_number"), rs.getString("title"), rs.getLong("unit_id"), rs.getString("unit_code"),
                rs.getString("unit_name"), rs.getObject("cadre_id", Long.class), rs.getString("cadre_number"),
                rs.getString("cadre_name"), rs.getObject("seats", Integer.class), deadline.toLocalDateTime(), past,
                past ? "已过截止时间" : "未到截止时间");
    }
}
