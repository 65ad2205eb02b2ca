package cn.ganxun.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.dashboard.ListRequest.ListPage;
import cn.ganxun.platform.EngineClock;

/**
 * Follow-up progress (R26, R27) per class: the institution's seminar held or not by its due date, learning summaries
 * submitted of all the trainees', unit visits done of all those drawn. "Due" counts what has reached its due date
 * today; "overdue" what is due and not done (a summary not submitted, a visit DUE or MISSED, no seminar). For a unit's
 * HR or leader the summaries and visits are those of their unit tree's trainees and the classes those in which they
 * have trainees.
 */
@Service
@Transactional(readOnly = true)
class FollowUpFigures {

    /** One kind of follow-up work: done of all, and how many are due and overdue. */
    record Progress(String label, long done, long total, long due, long overdue) {
    }

    record Figure(long followUps, Progress seminars, Progress summaries, Progress visits) {
    }

    record Row(long followUpId, long classId, String classNumber, String title, String institutionName, String status,
            String statusLabel, LocalDate classEnd, LocalDate seminarDueOn, long seminarsHeld, boolean seminarOverdue,
            LocalDate summariesDueOn, long summariesSubmitted, long summariesTotal, long summariesOverdue,
            LocalDate visitsDueOn, long visitsDone, long visitsTotal, long visitsOverdue, String processInstanceId) {
    }

    private static final LinkedHashMap<String, String> SORT = ListRequest.columns(
            "classNumber", "class_number", "classEnd", "class_end", "seminarDueOn", "seminar_due_on", "summariesOverdue", "summaries_overdue", "visitsOverdue", "visits_overdue");

    private final JdbcClient jdbc;

    FollowUpFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Figure figure(DashboardFilter filter, Optional<Set<Long>> units) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("""
                        SELECT COUNT(*) AS follow_ups,
                               SUM(CASE WHEN seminars_held > 0 THEN 1 ELSE 0 END) AS seminars_done,
                               SUM(seminar_due) AS seminars_due, SUM(seminar_overdue) AS seminars_overdue,
                               SUM(summaries_submitted) AS summaries_done, SUM(summaries_total) AS summaries_total,
                               SUM(summaries_due) AS summaries_due, SUM(summaries_overdue) AS summaries_overdue,
                               SUM(visits_done) AS visits_done, SUM(visits_total) AS visits_total,
                               SUM(visits_due) AS visits_due, SUM(visits_overdue) AS visits_overdue
                        FROM (""" + perClass(filter, units, params) + ") p")
                .params(params)
                .query((rs, n) -> new Figure(rs.getLong("follow_ups"),
                        progress(rs, "训后座谈会", "seminars", "follow_ups"),
                        progress(rs, "学习心得", "summaries", "summaries_total"),
                        progress(rs, "单位走访", "visits", "visits_total")))
                .single();
    }

    ListPage<Row> list(DashboardFilter filter, Optional<Set<Long>> units, Boolean overdue, ListRequest request) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM (" + perClass(filter, units, params) + ") p");
        if (overdue != null) {
            sql.append(overdue ? " WHERE seminar_overdue + summaries_overdue + visits_overdue > 0"
                    : " WHERE seminar_overdue + summaries_overdue + visits_overdue = 0");
        }
        return request.query(jdbc, sql.toString(), params, FollowUpFigures::row);
    }

    static LinkedHashMap<String, String> sortColumns() {
        return SORT;
    }

    private static Progress progress(ResultSet rs, String label, String prefix, String total) throws SQLException {
        return new Progress(label, rs.getLong(prefix + "_done"), rs.getLong(total), rs.getLong(prefix + "_due"),
                rs.getLong(prefix + "_overdue"));
    }

    /** One row per follow-up with its counts; summaries and visits of the unit tree's trainees when scoped. */
    private static String perClass(DashboardFilter filter, Optional<Set<Long>> units, Map<String, Object> params) {
        params.put("today", EngineClock.today());
        String summaryScope = "";
        String visitScope = "";
        StringBuilder where = new StringBuilder();
        if (units.isPresent()) {
            params.put("unitIds", units.get());
            summaryScope = " WHERE s.cadre_id IN (SELECT id FROM cadre WHERE unit_id IN (:unitIds))";
            visitScope = " WHERE v.unit_id IN (:unitIds)";
            where.append(" AND EXISTS (SELECT 1 FROM enrollment e JOIN cadre ec ON ec.id = e.cadre_id"
                    + " WHERE e.class_id = k.id AND ec.unit_id IN (:unitIds))");
        }
        where.append(filter.classConditions("k.end_date", params));
        return """
                SELECT f.id AS follow_up_id, k.id AS class_id, k.class_number, k.title, i.name AS institution_name,
                       f.status, k.end_date AS class_end, f.process_instance_id,
                       f.seminar_due_on, COALESCE(sm.held, 0) AS seminars_held,
                       CASE WHEN f.seminar_due_on <= :today THEN 1 ELSE 0 END AS seminar_due,
                       CASE WHEN f.seminar_due_on < :today AND COALESCE(sm.held, 0) = 0 THEN 1 ELSE 0 END AS seminar_overdue,
                       f.summaries_due_on, COALESCE(ls.submitted, 0) AS summaries_submitted,
                       COALESCE(ls.total, 0) AS summaries_total,
                       CASE WHEN f.summaries_due_on <= :today THEN COALESCE(ls.total, 0) ELSE 0 END AS summaries_due,
                       CASE WHEN f.summaries_due_on < :today THEN COALESCE(ls.total, 0) - COALESCE(ls.submitted, 0) ELSE 0 END
                           AS summaries_overdue,
                       f.visits_due_on, COALESCE(uv.done, 0) AS visits_done, COALESCE(uv.total, 0) AS visits_total,
                       COALESCE(uv.due, 0) AS visits_due, COALESCE(uv.overdue, 0) AS visits_overdue
                FROM follow_up f
                JOIN training_class k ON k.id = f.class_id
                JOIN institution i ON i.id = k.institution_id
                LEFT JOIN (SELECT follow_up_id, COUNT(*) AS held FROM follow_up_seminar GROUP BY follow_up_id) sm
                       ON sm.follow_up_id = f.id
                LEFT JOIN (SELECT s.follow_up_id, COUNT(*) AS total,
                                  SUM(CASE WHEN s.status = 'SUBMITTED' THEN 1 ELSE 0 END) AS submitted
                           FROM learning_summary s SUMMARY_SCOPE GROUP BY s.follow_up_id) ls ON ls.follow_up_id = f.id
                LEFT JOIN (SELECT v.follow_up_id, COUNT(*) AS total,
                                  SUM(CASE WHEN v.status = 'DONE' THEN 1 ELSE 0 END) AS done,
                                  SUM(CASE WHEN v.due_on <= :today THEN 1 ELSE 0 END) AS due,
                                  SUM(CASE WHEN v.status = 'MISSED' OR (v.status = 'DUE' AND v.due_on < :today) THEN 1 ELSE 0 END)
                                      AS overdue
                           FROM unit_visit v VISIT_SCOPE GROUP BY v.follow_up_id) uv ON uv.follow_up_id = f.id
                WHERE 1 = 1""".replace("SUMMARY_SCOPE", summaryScope).replace("VISIT_SCOPE", visitScope) + where;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        return new Row(rs.getLong("follow_up_id"), rs.getLong("class_id"), rs.getString("class_number"),
                rs.getString("title"), rs.getString("institution_name"), status, "OPEN".equals(status) ? "跟踪中" : "已结束",
                rs.getDate("class_end").toLocalDate(), rs.getDate("seminar_due_on").toLocalDate(), rs.getLong("seminars_held"),
                rs.getInt("seminar_overdue") == 1, rs.getDate("summaries_due_on").toLocalDate(),
                rs.getLong("summaries_submitted"), rs.getLong("summaries_total"), rs.getLong("summaries_overdue"),
                rs.getDate("visits_due_on").toLocalDate(), rs.getLong("visits_done"), rs.getLong("visits_total"),
                rs.getLong("visits_overdue"), rs.getString("process_instance_id"));
    }
}
