package cn.ganxun.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.dashboard.ListRequest.ListPage;

/**
 * Deliveries that failed: outbox mails whose last attempt failed (status FAILED; a later success turns the row SENT),
 * by kind — the message key up to its first colon ({@code unit-feedback:12} is a unit feedback report, R30). A unit
 * feedback mail names its class and unit.
 */
@Service
@Transactional(readOnly = true)
class DeliveryFigures {

    /** Chinese names of the outbox's message kinds; anything else shows its key. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("unit-feedback", "结果反馈（R30）"),
            Map.entry("filing-decision", "办班审批结果通知"),
            Map.entry("filing-review-reminder", "办班审批提醒"),
            Map.entry("filing-review-escalation", "办班审批超期督办"),
            Map.entry("quota-notice", "调训名额通知"),
            Map.entry("quota-reminder", "推荐截止提醒"),
            Map.entry("named-mandate-notice", "点名调训通知"),
            Map.entry("named-mandate-reminder", "点名调训确认提醒"),
            Map.entry("named-mandate-blocked", "点名调训受阻通知"),
            Map.entry("absence-warning", "缺勤预警"),
            Map.entry("leave-decision", "请假审批结果"),
            Map.entry("appointment-training-reminder", "任职培训提醒"),
            Map.entry("needs-survey-chase", "需求调研催答"),
            Map.entry("coverage-watch", "应训预警名单"),
            Map.entry("follow-up-visits-overdue", "走访超期督办"),
            Map.entry("learning-summary-chase", "学习心得催交"),
            Map.entry("credit-claim-overdue", "奖励学分审核超期"));

    private static final String FEEDBACK_PREFIX = "unit-feedback:";

    record KindCount(String kind, String label, long failed, LocalDateTime lastAttemptAt) {
    }

    record Figure(long failed, List<KindCount> kinds) {
    }

    record Row(long id, String kind, String kindLabel, String messageKey, String recipient, String subject, int attempts,
            String lastError, LocalDateTime lastAttemptAt, Long classId, String classNumber, String unitName,
            String processInstanceId) {
    }

    private static final LinkedHashMap<String, String> SORT = ListRequest.columns(
            "lastAttemptAt", "last_attempt_at", "kind", "kind", "recipient", "recipient", "attempts", "attempts");

    private final JdbcClient jdbc;

    DeliveryFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Figure figure() {
        List<KindCount> kinds = jdbc.sql("SELECT kind, COUNT(*) AS failed, MAX(last_attempt_at) AS last_attempt_at FROM ("
                        + FAILED + ") d GROUP BY kind ORDER BY COUNT(*) DESC, kind")
                .query((rs, n) -> new KindCount(rs.getString("kind"), label(rs.getString("kind")), rs.getLong("failed"),
                        time(rs.getTimestamp("last_attempt_at"))))
                .list();
        return new Figure(kinds.stream().mapToLong(KindCount::failed).sum(), kinds);
    }

    ListPage<Row> list(String kind, ListRequest request) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT * FROM (" + FAILED + ") d";
        if (kind != null && !kind.isBlank()) {
            sql += " WHERE kind = :kind";
            params.put("kind", kind.strip());
        }
        return request.query(jdbc, sql, params, DeliveryFigures::row);
    }

    static LinkedHashMap<String, String> sortColumns() {
        return SORT;
    }

    private static final String FAILED = """
            SELECT o.id, CASE WHEN POSITION(':' IN o.message_key) > 0
                              THEN SUBSTRING(o.message_key, 1, POSITION(':' IN o.message_key) - 1)
                              ELSE o.message_key END AS kind,
                   o.message_key, o.recipient, o.subject, o.attempts, o.last_error,
                   COALESCE(o.last_attempt_at, o.created_at) AS last_attempt_at,
                   k.id AS class_id, k.class_number, u.name AS unit_name, fr.process_instance_id
            FROM mail_outbox o
            LEFT JOIN feedback_report fr ON o.message_key = 'PREFIX' || CAST(fr.id AS VARCHAR(20))
            LEFT JOIN training_class k ON k.id = fr.class_id
            LEFT JOIN unit u ON u.id = fr.unit_id
            WHERE o.status = 'FAILED'""".replace("PREFIX", FEEDBACK_PREFIX);

    private static String label(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("kind");
        return new Row(rs.getLong("id"), kind, label(kind), rs.getString("message_key"), rs.getString("recipient"),
                rs.getString("subject"), rs.getInt("attempts"), rs.getString("last_error"),
                time(rs.getTimestamp("last_attempt_at")), rs.getObject("class_id", Long.class), rs.getString("class_number"),
                rs.getString("unit_name"), rs.getString("process_instance_id"));
    }

    private static LocalDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
