package cn.ganxun.feedback;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.ganxun.attendance.AttendanceService;
import cn.ganxun.feedback.UnitFeedbackProcess.Messages;
import cn.ganxun.feedback.UnitFeedbackProcess.Vars;
import cn.ganxun.notification.MailOutbox;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/**
 * Feedback of training results to the employer units (结果反馈, R30): for each unit that sent trainees to a class, a PDF
 * report of its trainees' results goes by e-mail to the unit's principal leader and to the org department that
 * manages the cadres — once when the results are confirmed (RESULTS) and once when the follow-up closes (FOLLOW_UP).
 * <p>
 * A report's trainees are the class's trainees with a confirmed result whose (current) unit is the report's unit.
 * Delivery goes through the {@link MailOutbox} under the key {@code unit-feedback:{report id}}: exactly once per
 * recipient, whatever retries, restarts or repeated requests happen.
 */
@Service
public class UnitFeedbackService {

    static final String MESSAGE_KEY_PREFIX = "unit-feedback:";
    static final String ROLE_UNIT_LEADER = "UNIT_LEADER";
    static final String ROLE_ORG_DEPT = "ORG_DEPT";

    private static final String REPORT_COLUMNS = """
            SELECT f.id, f.class_id, k.class_number, k.title, i.name AS institution_name, k.start_date, k.end_date,
                   f.unit_id, u.code AS unit_code, u.name AS unit_name, u.leader_name, u.leader_email, f.occasion,
                   f.trainee_count, f.created_at, f.process_instance_id
              FROM feedback_report f
              JOIN training_class k ON k.id = f.class_id
              JOIN institution i ON i.id = k.institution_id
              JOIN unit u ON u.id = f.unit_id""";

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final AttendanceService attendance;
    private final Directory directory;
    private final MailOutbox outbox;
    private final TransactionTemplate newTransaction;

    UnitFeedbackService(JdbcClient jdbc, RuntimeService runtimeService, HistoryService historyService,
            AttendanceService attendance, Directory directory, MailOutbox outbox,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.attendance = attendance;
        this.directory = directory;
        this.outbox = outbox;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Starts {@code unit-feedback} for the class and occasion (business key = class number) by correlating its start
     * message — unless reports or an instance (running or finished) for the same class and occasion exist already:
     * then nothing starts.
     */
    @Transactional
    public void request(long classId, FeedbackOccasion occasion) {
        String classNumber = jdbc.sql("SELECT class_number FROM training_class WHERE id = ?").param(classId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("培训班不存在：" + classId));
        boolean reported = jdbc.sql("SELECT COUNT(*) FROM feedback_report WHERE class_id = ? AND occasion = ?")
                .params(classId, occasion.name()).query(Integer.class).single() > 0;
        if (reported || historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(UnitFeedbackProcess.KEY)
                .processInstanceBusinessKey(classNumber)
                .variableValueEquals(Vars.OCCASION, occasion.name())
                .count() > 0) {
            return;
        }
        runtimeService.createMessageCorrelation(Messages.FEEDBACK_REQUESTED)
                .processInstanceBusinessKey(classNumber)
                .setVariable(Vars.CLASS_ID, classId)
                .setVariable(Vars.OCCASION, occasion.name())
                .correlateStartMessage();
    }

    /**
     * One report per employer unit with trainees whose results are confirmed, created in one statement; units that
     * have their report for this occasion already keep it (idempotent).
     *
     * @return the ids of the class's reports for the occasion, by unit
     */
    @Transactional
    public List<Long> prepareReports(long classId, FeedbackOccasion occasion, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO feedback_report (class_id, unit_id, occasion, trainee_count, created_at, process_instance_id)
                SELECT r.class_id, c.unit_id, ?, COUNT(*), ?, ?
                  FROM assessment_result r JOIN cadre c ON c.id = r.cadre_id
                 WHERE r.class_id = ? AND r.confirmed_at IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM feedback_report f
                                    WHERE f.class_id = r.class_id AND f.unit_id = c.unit_id AND f.occasion = ?)
                 GROUP BY r.class_id, c.unit_id""")
                .params(occasion.name(), Timestamp.valueOf(EngineClock.now()), processInstanceId, classId, occasion.name())
                .update();
        return jdbc.sql("SELECT id FROM feedback_report WHERE class_id = ? AND occasion = ? ORDER BY unit_id")
                .params(classId, occasion.name()).query(Long.class).list();
    }

    /**
     * Renders the report and sends it to the unit's principal leader ({@code unit.leader_email}) and to the org
     * department (the e-mails of group {@code org-dept}). Recipients that have it already are skipped, so a retry or
     * a second run sends nothing twice. A unit without a leader e-mail is an error: the delivery job fails, retries and
     * ends in an incident until the address is recorded.
     */
    @Transactional
    public void deliver(long reportId) {
        FeedbackReport report = report(reportId);
        if (report.leaderEmail() == null || report.leaderEmail().isBlank()) {
            throw new IllegalStateException("单位「" + report.unitName() + "」（" + report.unitCode()
                    + "）未登记主要负责人电子邮箱，培训结果反馈无法送达（R30）；请补充单位信息后重试");
        }
        Map<String, String> recipients = new LinkedHashMap<>();
        recipients.put(report.leaderEmail().trim(), ROLE_UNIT_LEADER);
        directory.emailsOfGroup(Groups.ORG_DEPT).forEach(email -> recipients.putIfAbsent(email.trim(), ROLE_ORG_DEPT));
        if (recipients.size() == 1) {
            throw new IllegalStateException("组织部（org-dept）没有登记电子邮箱的用户，培训结果反馈无法送达组织部门（R30）");
        }
        String key = MESSAGE_KEY_PREFIX + reportId;
        if (recipients.keySet().stream().allMatch(recipient -> outbox.wasSent(key, recipient))) {
            return;
        }
        newTransaction.executeWithoutResult(tx -> recipients.forEach((recipient, role) -> register(reportId, recipient, role)));
        outbox.send(key, recipients.keySet(), subject(report), body(report),
                new MailOutbox.Attachment(fileName(report), "application/pdf", render(report)));
    }

    /** The report's PDF, rendered from the class's current tables. */
    @Transactional(readOnly = true)
    public byte[] pdf(long reportId) {
        return render(report(reportId));
    }

    public FeedbackReport report(long reportId) {
        return jdbc.sql(REPORT_COLUMNS + " WHERE f.id = ?").param(reportId).query(UnitFeedbackService::map).optional()
                .orElseThrow(() -> new NotFoundException("结果反馈报告不存在：" + reportId));
    }

    /** The report's trainees with their figures, in one query (attendance shares from the attendance module). */
    public List<TraineeResult> trainees(FeedbackReport report) {
        Map<Long, BigDecimal> attended = attendance.attendedHours(report.classId());
        BigDecimal sessionHours = attendance.sessionHours(report.classId());
        return jdbc.sql("""
                SELECT c.id, c.cadre_number, c.name, r.grade, r.result, ce.credits, cert.certificate_number,
                       e.combined_score, e.findings
                  FROM assessment_result r
                  JOIN cadre c ON c.id = r.cadre_id
                  JOIN training_class k ON k.id = r.class_id
                  LEFT JOIN credit_entry ce ON ce.cadre_id = r.cadre_id AND ce.source = 'CLASS' AND ce.source_ref = k.class_number
                  LEFT JOIN certificate cert ON cert.class_id = r.class_id AND cert.cadre_id = r.cadre_id AND cert.status = 'VALID'
                  LEFT JOIN follow_up fu ON fu.class_id = r.class_id
                  LEFT JOIN follow_up_evaluation e ON e.follow_up_id = fu.id AND e.cadre_id = r.cadre_id
                 WHERE r.class_id = ? AND r.confirmed_at IS NOT NULL AND c.unit_id = ?
                 ORDER BY c.cadre_number""")
                .params(report.classId(), report.unitId())
                .query((rs, n) -> {
                    long cadreId = rs.getLong("id");
                    BigDecimal share = AttendanceService.share(attended.getOrDefault(cadreId, BigDecimal.ZERO), sessionHours);
                    return new TraineeResult(cadreId, rs.getString("cadre_number"), rs.getString("name"),
                            rs.getString("grade"), rs.getBigDecimal("result"), share, rs.getBigDecimal("credits"),
                            rs.getString("certificate_number"), rs.getBigDecimal("combined_score"), rs.getString("findings"));
                })
                .list();
    }

    /**
     * Who may read a report: the org department, its head, managers and administrators; the HR of the report's unit
     * (or of a unit above it). Everybody else gets 403.
     */
    public void requireReader(Actor actor, FeedbackReport report) {
        if (actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER)) {
            return;
        }
        if (actor.inGroup(Groups.UNIT_HR) && actor.unitId() != null && jdbc.sql("""
                WITH RECURSIVE up (id, parent_id) AS (
                    SELECT id, parent_id FROM unit WHERE id = ?
                    UNION ALL
                    SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id
                )
                SELECT COUNT(*) FROM up WHERE id = ?""").params(report.unitId(), actor.unitId())
                .query(Integer.class).single() > 0) {
            return;
        }
        throw new AccessDeniedException("无权访问：结果反馈报告仅对组织部门、管理者及本单位组织人事部门开放");
    }

    static String fileName(FeedbackReport report) {
        return UnitFeedbackPdf.TITLE + "-" + report.classNumber() + "-" + report.unitName() + ".pdf";
    }

    static String subject(FeedbackReport report) {
        return "【" + UnitFeedbackPdf.TITLE + "·" + report.occasion().label() + "】" + report.classTitle() + "（"
                + report.unitName() + "）";
    }

    private byte[] render(FeedbackReport report) {
        return UnitFeedbackPdf.render(report, trainees(report));
    }

    private static String body(FeedbackReport report) {
        return report.unitName() + "负责同志：\n\n"
                + "贵单位" + report.traineeCount() + "名干部参加了" + report.institutionName() + "举办的「" + report.classTitle()
                + "」（班次编号 " + report.classNumber() + "，" + report.startDate() + " 至 " + report.endDate() + "）。"
                + "现将其" + (report.occasion() == FeedbackOccasion.RESULTS ? "培训考核结果" : "训后跟踪问效评价")
                + "反馈如下，详见附件《" + UnitFeedbackPdf.TITLE + "》（含等次、成绩、出勤、学分和结业证书编号"
                + (report.occasion() == FeedbackOccasion.FOLLOW_UP ? "及跟踪评价" : "") + "）。\n\n"
                + "请结合干部日常表现，做好训用结合工作（R30）。本邮件同时抄送组织部门，结果已记入干部培训档案。\n\n"
                + "干训系统（自动发送，请勿直接回复）";
    }

    private void register(long reportId, String recipient, String role) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM feedback_recipient WHERE report_id = ? AND recipient = ?")
                .params(reportId, recipient).query(Integer.class).single() > 0;
        if (!known) {
            jdbc.sql("INSERT INTO feedback_recipient (report_id, recipient, recipient_role) VALUES (?, ?, ?)")
                    .params(reportId, recipient, role).update();
        }
    }

    private static FeedbackReport map(ResultSet rs, int row) throws SQLException {
        return new FeedbackReport(rs.getLong("id"), rs.getLong("class_id"), rs.getString("class_number"),
                rs.getString("title"), rs.getString("institution_name"), rs.getDate("start_date").toLocalDate(),
                rs.getDate("end_date").toLocalDate(), rs.getLong("unit_id"), rs.getString("unit_code"),
                rs.getString("unit_name"), rs.getString("leader_name"), rs.getString("leader_email"),
                FeedbackOccasion.valueOf(rs.getString("occasion")), rs.getInt("trainee_count"),
                rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("process_instance_id"));
    }
}
