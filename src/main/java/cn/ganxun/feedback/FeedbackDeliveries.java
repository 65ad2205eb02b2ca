package cn.ganxun.feedback;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.feedback.UnitFeedbackProcess.Vars;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.AsApplication;
import cn.ganxun.security.Groups;

/**
 * The org department's view of the unit feedback deliveries (R30): for every report and addressee whether the mail
 * went out, when, after how many attempts and with which last error, and the state of the report's delivery job —
 * retries left and, once they are spent, its incident (also shown in Cockpit) — and the manual retry of a failed
 * delivery job.
 * <p>
 * The caller's right is checked here against the Ganxun roles and unit binding; the engine is then read as the
 * application (the org department's Camunda grants need not include jobs and incidents).
 */
@Service
public class FeedbackDeliveries {

    /** Statuses the list can be filtered by. */
    static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED");

    private final JdbcClient jdbc;
    private final UnitFeedbackService feedback;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final AsApplication asApplication;
    private final UnitRepository units;

    FeedbackDeliveries(JdbcClient jdbc, UnitFeedbackService feedback, ManagementService managementService,
            RuntimeService runtimeService, AsApplication asApplication, UnitRepository units) {
        this.units = units;
        this.jdbc = jdbc;
        this.feedback = feedback;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.asApplication = asApplication;
    }

    /**
     * The delivery list, optionally of one class and one status (PENDING, SENT, FAILED). The org department, its head,
     * managers and administrators see every unit; unit HR only their unit and the units below it.
     */
    public List<Delivery> list(Actor actor, Long classId, String status) {
        return list(actor, null, classId, status);
    }

    /**
     * The delivery list of one unit and the units below it ({@code unitId} null: every unit the actor may see). Unit
     * HR asking for a unit outside their own unit tree are refused (403), never given a silently filtered list.
     */
    public List<Delivery> list(Actor actor, Long unitId, Long classId, String status) {
        boolean allUnits = actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER);
        if (!allUnits && !(actor.inGroup(Groups.UNIT_HR) && actor.unitId() != null)) {
            throw new AccessDeniedException("无权访问：结果反馈送达情况仅对组织部门、管理者及单位组织人事部门开放");
        }
        if (!allUnits && unitId != null && !units.withSubUnits(actor.unitId()).contains(unitId)) {
            throw new AccessDeniedException("无权访问：不能查看其他单位的结果反馈");
        }
        Long root = unitId != null ? unitId : allUnits ? null : actor.unitId();
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidInputException.of("status", "送达状态只能是 PENDING（待发送）、SENT（已送达）、FAILED（发送失败）：" + status);
        }
        StringBuilder sql = new StringBuilder(root == null ? "" : """
                WITH RECURSIVE down (id) AS (
                    SELECT id FROM unit WHERE id = :unitId
                    UNION ALL
                    SELECT u.id FROM unit u JOIN down d ON u.parent_id = d.id
                )
                """);
        sql.append("""
                SELECT f.id AS report_id, f.class_id, k.class_number, k.title, f.unit_id, u.name AS unit_name, f.occasion,
                       r.recipient, r.recipient_role, COALESCE(o.status, 'PENDING') AS status,
                       COALESCE(o.attempts, 0) AS attempts, o.last_error, o.last_attempt_at, o.sent_at,
                       f.process_instance_id
                  FROM feedback_report f
                  JOIN training_class k ON k.id = f.class_id
                  JOIN unit u ON u.id = f.unit_id
                  LEFT JOIN feedback_recipient r ON r.report_id = f.id
                  LEFT JOIN mail_outbox o ON o.message_key = 'KEY_PREFIX' || CAST(f.id AS VARCHAR(20))
                                        AND o.recipient = r.recipient
                 WHERE 1 = 1""".replace("KEY_PREFIX", UnitFeedbackService.MESSAGE_KEY_PREFIX));
        Map<String, Object> params = new HashMap<>();
        if (root != null) {
            sql.append(" AND f.unit_id IN (SELECT id FROM down)");
            params.put("unitId", root);
        }
        if (classId != null) {
            sql.append(" AND f.class_id = :classId");
            params.put("classId", classId);
        }
        if (status != null) {
            sql.append(" AND COALESCE(o.status, 'PENDING') = :status");
            params.put("status", status);
        }
        sql.append(" ORDER BY k.class_number, f.occasion, u.name, f.id, r.recipient_role DESC, r.recipient");
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Row(rs.getLong("report_id"),
                rs.getLong("class_id"), rs.getString("class_number"), rs.getString("title"), rs.getLong("unit_id"),
                rs.getString("unit_name"), FeedbackOccasion.valueOf(rs.getString("occasion")), rs.getString("recipient"),
                rs.getString("recipient_role"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                time(rs.getTimestamp("last_attempt_at")), time(rs.getTimestamp("sent_at")),
                rs.getString("process_instance_id"))).list();
        Map<Long, JobState> jobs = asApplication.call(() -> deliveryJobs(rows));
        List<Delivery> result = new ArrayList<>();
        for (Row row : rows) {
            JobState job = jobs.get(row.reportId());
            result.add(new Delivery(row.reportId(), row.classId(), row.classNumber(), row.classTitle(), row.unitId(),
                    row.unitName(), row.occasion(), row.occasion().label(), row.recipient(), row.role(),
                    roleLabel(row.role()), row.status(), row.attempts(), row.lastError(), row.lastAttemptAt(),
                    row.sentAt(), row.processInstanceId(), job == null ? null : job.jobId(),
                    job == null ? null : job.retries(), job == null ? null : job.error(),
                    job == null ? null : job.incidentId()));
        }
        return result;
    }

    /**
     * Gives the report's failed delivery job (retries spent, an incident) one more attempt, due now; the job executor
     * then delivers to the recipients who have not had the report. Refused (400) when the report has no such job.
     *
     * @return the id of the job that will run again
     */
    public String retry(Actor actor, long reportId) {
        actor.requireAnyGroup(Groups.ORG_DEPT);
        FeedbackReport report = feedback.report(reportId);
        return asApplication.call(() -> {
            JobState job = report.processInstanceId() == null ? null
                    : deliveryJobs(Set.of(report.processInstanceId())).get(reportId);
            if (job == null) {
                throw InvalidInputException.of("reportId", "报告 " + reportId + " 没有待重试的发送任务（已送达或尚未发送）");
            }
            if (job.retries() > 0) {
                throw InvalidInputException.of("reportId", "报告 " + reportId + " 的发送任务仍在自动重试中（剩余 " + job.retries()
                        + " 次），无需手动重试");
            }
            managementService.setJobRetries(job.jobId(), 1);
            managementService.setJobDuedate(job.jobId(), ClockUtil.getCurrentTime());
            return job.jobId();
        });
    }

    private Map<Long, JobState> deliveryJobs(List<Row> rows) {
        Set<String> instances = new HashSet<>();
        rows.stream().map(Row::processInstanceId).filter(Objects::nonNull).forEach(instances::add);
        return deliveryJobs(instances);
    }

    /** The delivery jobs of these unit-feedback instances by report id (two queries, plus one per job without retries). */
    private Map<Long, JobState> deliveryJobs(Set<String> processInstanceIds) {
        Map<Long, JobState> byReport = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return byReport;
        }
        // every job of these instances that runs on an execution holding a reportId is a delivery job (the engine's
        // query cannot combine processInstanceIds with activityId)
        List<Job> jobs = managementService.createJobQuery().processInstanceIds(processInstanceIds).list();
        if (jobs.isEmpty()) {
            return byReport;
        }
        Map<String, Long> reportByExecution = new HashMap<>();
        runtimeService.createVariableInstanceQuery().variableName(Vars.REPORT_ID)
                .executionIdIn(jobs.stream().map(Job::getExecutionId).toArray(String[]::new)).list()
                .forEach(v -> reportByExecution.put(v.getExecutionId(), ((Number) v.getValue()).longValue()));
        for (Job job : jobs) {
            Long reportId = reportByExecution.get(job.getExecutionId());
            if (reportId == null) {
                continue;
            }
            String incidentId = null;
            if (job.getRetries() == 0) {
                Incident incident = runtimeService.createIncidentQuery().configuration(job.getId()).singleResult();
                incidentId = incident == null ? null : incident.getId();
            }
            byReport.put(reportId, new JobState(job.getId(), job.getRetries(), job.getExceptionMessage(), incidentId));
        }
        return byReport;
    }

    private static String roleLabel(String role) {
        if (role == null) {
            return null;
        }
        return UnitFeedbackService.ROLE_UNIT_LEADER.equals(role) ? "单位主要负责人" : "组织部";
    }

    private static LocalDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }

    private record Row(long reportId, long classId, String classNumber, String classTitle, long unitId, String unitName,
            FeedbackOccasion occasion, String recipient, String role, String status, int attempts, String lastError,
            LocalDateTime lastAttemptAt, LocalDateTime sentAt, String processInstanceId) {
    }

    private record JobState(String jobId, int retries, String error, String incidentId) {
    }
}
