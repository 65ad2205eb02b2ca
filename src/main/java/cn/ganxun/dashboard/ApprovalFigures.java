package cn.ganxun.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.classes.ClassFilingProcess;
import cn.ganxun.dashboard.ListRequest.ListPage;
import cn.ganxun.platform.EngineClock;

/**
 * Approvals pending and overdue with their age (R13). A filing is pending while its class is UNDER_REVIEW and the
 * approver's task 审批办班申请 ({@code Task_ReviewFiling} of {@code class-filing}) is open; it is overdue once that
 * task's due date ({@code reviewDueDate}: the rule check plus {@code GANXUN_REVIEW_PERIOD}) has passed. Its age is the
 * days since it was filed (or last revised). The 30-day rule of R13 is shown twice: filings the rules found late
 * (filed less than 30 days before the start, an OVERRIDE finding of the current revision) and pending filings whose
 * class starts within 30 days.
 */
@Service
@Transactional(readOnly = true)
class ApprovalFigures {

    /** R13: a class of 30 or more is filed 30 days before it starts. */
    static final int FILING_DAYS = 30;

    /** How long a filing has waited since it was filed, in whole days. */
    enum AgeBand {
        D0_5("5天以内", 5), D6_10("6–10天", 10), D11_30("11–30天", 30), D31("30天以上", Integer.MAX_VALUE);

        private final String label;
        private final int upToDays;

        AgeBand(String label, int upToDays) {
            this.label = label;
            this.upToDays = upToDays;
        }

        String label() {
            return label;
        }
    }

    record Band(AgeBand band, String label, long pending, long overdue) {
    }

    record Figure(long pending, long overdue, long lateFiled, long startingWithin30Days, List<Band> bands) {
    }

    record Row(long classId, String classNumber, String title, long institutionId, String institutionName,
            LocalDateTime filedAt, long ageDays, AgeBand band, String bandLabel, LocalDate startDate,
            int plannedParticipants, LocalDateTime dueAt, boolean overdue, String overdueLabel, boolean lateFiled,
            String taskId, String processInstanceId) {
    }

    private static final LinkedHashMap<String, String> SORT = ListRequest.columns(
            "filedAt", "filed_at", "startDate", "start_date", "dueAt", "due_at", "classNumber", "class_number");

    private final JdbcClient jdbc;

    ApprovalFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Figure figure(DashboardFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String pending = pending(filter, params);
        Map<AgeBand, long[]> counts = new LinkedHashMap<>();
        Arrays.stream(AgeBand.values()).forEach(b -> counts.put(b, new long[2]));
        long[] rule = new long[2];
        jdbc.sql("SELECT band, COUNT(*) AS pending, SUM(overdue) AS overdue, SUM(late_filed) AS late_filed,"
                        + " SUM(starting_soon) AS starting_soon FROM (" + pending + ") p GROUP BY band")
                .params(params)
                .query((RowCallbackHandler) rs -> {
                    long[] band = counts.get(AgeBand.valueOf(rs.getString("band")));
                    band[0] = rs.getLong("pending");
                    band[1] = rs.getLong("overdue");
                    rule[0] += rs.getLong("late_filed");
                    rule[1] += rs.getLong("starting_soon");
                });
        List<Band> bands = counts.entrySet().stream()
                .map(e -> new Band(e.getKey(), e.getKey().label(), e.getValue()[0], e.getValue()[1])).toList();
        return new Figure(bands.stream().mapToLong(Band::pending).sum(), bands.stream().mapToLong(Band::overdue).sum(),
                rule[0], rule[1], bands);
    }

    ListPage<Row> list(DashboardFilter filter, AgeBand band, Boolean overdue, ListRequest request) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM (" + pending(filter, params) + ") p WHERE 1 = 1");
        if (band != null) {
            sql.append(" AND band = :band");
            params.put("band", band.name());
        }
        if (overdue != null) {
            sql.append(" AND overdue = :overdue");
            params.put("overdue", overdue ? 1 : 0);
        }
        LocalDateTime now = EngineClock.now();
        return request.query(jdbc, sql.toString(), params, (rs, n) -> row(rs, now));
    }

    static LinkedHashMap<String, String> sortColumns() {
        return SORT;
    }

    /** Every pending filing with its age band and flags; parameters go into {@code params}. */
    private static String pending(DashboardFilter filter, Map<String, Object> params) {
        LocalDateTime now = EngineClock.now();
        params.put("now", now);
        params.put("soon", EngineClock.today().plusDays(FILING_DAYS));
        params.put("task", ClassFilingProcess.Elements.TASK_REVIEW_FILING);
        StringBuilder bands = new StringBuilder("CASE");
        for (AgeBand band : AgeBand.values()) {
            if (band.upToDays == Integer.MAX_VALUE) {
                bands.append(" ELSE '").append(band.name()).append("' END");
            } else {
                bands.append(" WHEN COALESCE(k.filed_at, t.CREATE_TIME_) > :band_").append(band.name()).append(" THEN '")
                        .append(band.name()).append("'");
                params.put("band_" + band.name(), now.minusDays(band.upToDays + 1L));
            }
        }
        StringBuilder sql = new StringBuilder("""
                SELECT k.id AS class_id, k.class_number, k.title, i.id AS institution_id, i.name AS institution_name,
                       COALESCE(k.filed_at, t.CREATE_TIME_) AS filed_at, k.start_date, k.planned_participants,
                       t.DUE_DATE_ AS due_at, t.ID_ AS task_id, t.PROC_INST_ID_ AS process_instance_id,
                       BANDS AS band,
                       CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END AS overdue,
                       CASE WHEN EXISTS (SELECT 1 FROM class_filing_finding f WHERE f.class_id = k.id
                                         AND f.revision = k.revision AND f.consequence = 'OVERRIDE') THEN 1 ELSE 0 END
                           AS late_filed,
                       CASE WHEN k.start_date <= :soon THEN 1 ELSE 0 END AS starting_soon
                FROM training_class k
                JOIN institution i ON i.id = k.institution_id
                JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = k.process_instance_id AND t.TASK_DEF_KEY_ = :task
                WHERE k.status = 'UNDER_REVIEW'""".replace("BANDS", bands));
        sql.append(filter.classConditions("k.start_date", params));
        return sql.toString();
    }

    private static Row row(ResultSet rs, LocalDateTime now) throws SQLException {
        LocalDateTime filedAt = rs.getTimestamp("filed_at").toLocalDateTime();
        Timestamp due = rs.getTimestamp("due_at");
        AgeBand band = AgeBand.valueOf(rs.getString("band"));
        boolean overdue = rs.getInt("overdue") == 1;
        return new Row(rs.getLong("class_id"), rs.getString("class_number"), rs.getString("title"),
                rs.getLong("institution_id"), rs.getString("institution_name"), filedAt,
                ChronoUnit.DAYS.between(filedAt, now), band, band.label(), rs.getDate("start_date").toLocalDate(),
                rs.getInt("planned_participants"), due == null ? null : due.toLocalDateTime(), overdue,
                overdue ? "已超期" : "未超期", rs.getInt("late_filed") == 1, rs.getString("task_id"),
                rs.getString("process_instance_id"));
    }
}
