package cn.ganxun.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.dashboard.ListRequest.ListPage;
import cn.ganxun.security.AsApplication;

/**
 * Open incidents of the engine (a job whose retries are spent, a failed external task, …), read from
 * {@code ACT_RU_INCIDENT} with their process definition and instance, by process and activity. Activity names come
 * from the deployed BPMN model (the engine caches it).
 */
@Service
@Transactional(readOnly = true)
class IncidentFigures {

    record ActivityCount(String processKey, String processName, String definitionId, String activityId,
            String activityName, long incidents, LocalDateTime oldest) {
    }

    record Figure(long incidents, List<ActivityCount> activities) {
    }

    record Row(String incidentId, String type, String message, LocalDateTime createdAt, String processKey,
            String processName, String definitionId, String activityId, String activityName, String processInstanceId,
            String businessKey) {
    }

    private static final LinkedHashMap<String, String> SORT = ListRequest.columns(
            "createdAt", "created_at", "processKey", "process_key", "activityId", "activity_id");

    private static final String OPEN = """
            SELECT i.ID_ AS incident_id, i.INCIDENT_TYPE_ AS incident_type, i.INCIDENT_MSG_ AS message,
                   i.INCIDENT_TIMESTAMP_ AS created_at, d.KEY_ AS process_key, d.NAME_ AS process_name,
                   d.ID_ AS definition_id, i.ACTIVITY_ID_ AS activity_id, i.PROC_INST_ID_ AS process_instance_id,
                   e.BUSINESS_KEY_ AS business_key
            FROM ACT_RU_INCIDENT i
            JOIN ACT_RE_PROCDEF d ON d.ID_ = i.PROC_DEF_ID_
            LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = i.PROC_INST_ID_""";

    private final JdbcClient jdbc;
    private final RepositoryService repository;
    private final AsApplication asApplication;

    IncidentFigures(JdbcClient jdbc, RepositoryService repository, AsApplication asApplication) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.asApplication = asApplication;
    }

    Figure figure() {
        List<ActivityCount> counts = jdbc.sql("""
                        SELECT process_key, MAX(process_name) AS process_name, MAX(definition_id) AS definition_id,
                               activity_id, COUNT(*) AS incidents, MIN(created_at) AS oldest
                        FROM (""" + OPEN + ") o GROUP BY process_key, activity_id ORDER BY COUNT(*) DESC, process_key, activity_id")
                .query((rs, n) -> new ActivityCount(rs.getString("process_key"), rs.getString("process_name"),
                        rs.getString("definition_id"), rs.getString("activity_id"), null, rs.getLong("incidents"),
                        time(rs.getTimestamp("oldest"))))
                .list();
        List<ActivityCount> named = named(counts, ActivityCount::definitionId, ActivityCount::activityId,
                (c, name) -> new ActivityCount(c.processKey(), c.processName(), c.definitionId(), c.activityId(), name,
                        c.incidents(), c.oldest()));
        return new Figure(named.stream().mapToLong(ActivityCount::incidents).sum(), named);
    }

    ListPage<Row> list(String processKey, String activityId, ListRequest request) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM (" + OPEN + ") o WHERE 1 = 1");
        if (processKey != null && !processKey.isBlank()) {
            sql.append(" AND process_key = :processKey");
            params.put("processKey", processKey.strip());
        }
        if (activityId != null && !activityId.isBlank()) {
            sql.append(" AND activity_id = :activityId");
            params.put("activityId", activityId.strip());
        }
        ListPage<Row> page = request.query(jdbc, sql.toString(), params, IncidentFigures::row);
        return new ListPage<>(named(page.items(), Row::definitionId, Row::activityId,
                (r, name) -> new Row(r.incidentId(), r.type(), r.message(), r.createdAt(), r.processKey(), r.processName(),
                        r.definitionId(), r.activityId(), name, r.processInstanceId(), r.businessKey())),
                page.page(), page.size(), page.total());
    }

    static LinkedHashMap<String, String> sortColumns() {
        return SORT;
    }

    /** Each item with its activity's name in its definition's model (the activity id when it has none). */
    private <T> List<T> named(List<T> items, Function<T, String> definitionId,
            Function<T, String> activityId, BiFunction<T, String, T> withName) {
        return asApplication.call(() -> items.stream().map(item -> {
            String id = activityId.apply(item);
            String name = null;
            if (id != null) {
                ModelElementInstance element = repository.getBpmnModelInstance(definitionId.apply(item))
                        .getModelElementById(id);
                name = element instanceof FlowElement flow ? flow.getName() : null;
            }
            return withName.apply(item, name == null ? id : name);
        }).toList());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("incident_id"), rs.getString("incident_type"), rs.getString("message"),
                time(rs.getTimestamp("created_at")), rs.getString("process_key"), rs.getString("process_name"),
                rs.getString("definition_id"), rs.getString("activity_id"), null, rs.getString("process_instance_id"),
                rs.getString("business_key"));
    }

    private static LocalDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
