package cn.ganxun.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Cadre;
import cn.ganxun.cadres.CadreRepository;
import cn.ganxun.cadres.LifeEvents;
import cn.ganxun.cadres.Rank;
import cn.ganxun.linkage.AppointmentLinkageProcess.Messages;
import cn.ganxun.linkage.AppointmentLinkageProcess.Vars;
import cn.ganxun.notification.MailOutbox;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/**
 * The appointment-training watch of each promotion (训用结合, R32): a newly promoted cadre attends appointment training
 * (任职培训) within one year of the promotion; otherwise, barring special circumstances, the probation is extended.
 * <p>
 * Window: the training's class must end on or after the effective date and on or before effective date + 1 year
 * ({@code window_ends_on}, inclusive: promoted 2025-03-01 → trained by 2026-03-01, day 365). The window closes at 00:00
 * of the next day. A class counts when its type is APPOINTMENT (任职培训班) or the org department recognised it
 * ({@code training_class.appointment_training}), and the cadre's enrollment is COMPLETED with a grade other than FAIL.
 */
@Service
public class PromotionService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** SQL condition: class {@code k} is appointment training. */
    static final String APPOINTMENT_CLASS = "(k.class_type = 'APPOINTMENT' OR k.appointment_training)";

    private final JdbcClient jdbc;
    private final CadreRepository cadres;
    private final LifeEvents lifeEvents;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final MailOutbox outbox;
    private final Directory directory;
    private final Period reminderBefore;
    private final Period decisionWithin;

    PromotionService(JdbcClient jdbc, CadreRepository cadres, LifeEvents lifeEvents, CurrentUser currentUser,
            RuntimeService runtimeService, MailOutbox outbox, Directory directory,
            @Value("${ganxun.linkage.reminder-before}") String reminderBefore,
            @Value("${ganxun.linkage.decision-within}") String decisionWithin) {
        this.jdbc = jdbc;
        this.cadres = cadres;
        this.lifeEvents = lifeEvents;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
        this.outbox = outbox;
        this.directory = directory;
        this.reminderBefore = Period.parse(reminderBefore);
        this.decisionWithin = Period.parse(decisionWithin);
    }

    /**
     * Registers a promotion through the REST API: starts {@code appointment-linkage} as the caller, whose first step
     * registers it (so the API and the Tasklist start form share one path); a refusal rolls everything back.
     */
    @Transactional
    public Promotion start(PromotionRequest request) {
        Actor actor = currentUser.get();
        requireOrgDept(actor);
        if (request == null) {
            throw InvalidInputException.of("body", "请求体不能为空");
        }
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(Vars.CADRE_NUMBER, request.cadreNumber());
        variables.put(Vars.TO_RANK, request.toRank());
        variables.put(Vars.POST, request.post());
        variables.put(Vars.EFFECTIVE_ON, request.effectiveOn() == null ? null : request.effectiveOn().toString());
        variables.put(Vars.NOTE, request.note());
        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(AppointmentLinkageProcess.KEY)
                .setVariables(variables).executeWithVariablesInReturn();
        return find(((Number) instance.getVariables().get(Vars.PROMOTION_ID)).longValue());
    }

    /**
     * Registers a promotion (R1, R32) for the org department user: checks every field, stores the promotion and records
     * the PROMOTION life event (new rank and post). The effective date may not lie in the future.
     *
     * @return the promotion's id
     */
    @Transactional
    public long register(String cadreNumber, String toRank, String post, LocalDate effectiveOn, String note,
            String userId, String processInstanceId) {
        Actor actor = currentUser.of(userId);
        requireOrgDept(actor);
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        Optional<Cadre> cadre = Optional.empty();
        if (cadreNumber == null || cadreNumber.isBlank()) {
            problems.add(new InvalidInputException.Problem(Vars.CADRE_NUMBER, "干部编号 cadreNumber 不能为空"));
        } else {
            cadre = cadres.findByNumber(cadreNumber.strip());
            if (cadre.isEmpty()) {
                problems.add(new InvalidInputException.Problem(Vars.CADRE_NUMBER, "干部不存在：" + cadreNumber.strip()));
            }
        }
        if (toRank == null || toRank.isBlank()) {
            problems.add(new InvalidInputException.Problem(Vars.TO_RANK, "晋升后职级 toRank 不能为空"));
        }
        LocalDate today = EngineClock.today();
        if (effectiveOn == null) {
            problems.add(new InvalidInputException.Problem(Vars.EFFECTIVE_ON, "晋升生效日期 effectiveOn 不能为空"));
        } else if (effectiveOn.isAfter(today)) {
            problems.add(new InvalidInputException.Problem(Vars.EFFECTIVE_ON, "R32：晋升生效日期 effectiveOn（"
                    + effectiveOn + "）不能晚于今天（" + today + "）；请在晋升生效后登记"));
        }
        if (post != null && post.strip().length() > 200) {
            problems.add(new InvalidInputException.Problem(Vars.POST, "新职务 post 不能超过200字"));
        }
        if (note != null && note.strip().length() > 500) {
            problems.add(new InvalidInputException.Problem(Vars.NOTE, "备注 note 不能超过500字"));
        }
        if (cadre.isPresent() && effectiveOn != null && exists(cadre.get().id(), effectiveOn)) {
            problems.add(new InvalidInputException.Problem(Vars.EFFECTIVE_ON, "该干部 " + effectiveOn + " 的晋升已登记"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Cadre promoted = cadre.orElseThrow();
        // the row first: the life event's listener then knows this promotion is watched already
        Rank from = promoted.profile().rank();
        long id = insert(promoted.id(), from, from, null, effectiveOn, blankToNull(note), userId, processInstanceId);
        lifeEvents.recordPromotion(promoted.id(), toRank.strip(), blankToNull(post), effectiveOn, blankToNull(note), actor);
        Cadre after = cadres.findById(promoted.id()).orElseThrow();
        jdbc.sql("UPDATE promotion SET to_rank = ?, post = ? WHERE id = ?")
                .params(after.profile().rank().name(), after.profile().post(), id).update();
        return id;
    }

    /**
     * A promotion recorded through the registry's life events ({@code POST /api/cadres/{id}/events}) is watched too:
     * stores its promotion row from the recorded event and starts {@code appointment-linkage} by message, unless this
     * service registered it (its row exists already). @return the new promotion's id, if one was started
     */
    @Transactional
    public Optional<Long> watchRecorded(long cadreId, LocalDate effectiveOn) {
        if (exists(cadreId, effectiveOn)) {
            return Optional.empty();
        }
        record Event(String fromRank, String toRank, String post, String note, String recordedBy) {
        }
        Event event = jdbc.sql("""
                SELECT from_rank, to_rank, post, note, recorded_by FROM cadre_event
                 WHERE cadre_id = ? AND kind = 'PROMOTION' AND effective_on = ? ORDER BY id DESC""")
                .params(cadreId, effectiveOn)
                .query((rs, n) -> new Event(rs.getString("from_rank"), rs.getString("to_rank"), rs.getString("post"),
                        rs.getString("note"), rs.getString("recorded_by")))
                .list().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("晋升记录不存在：" + cadreId + " " + effectiveOn));
        long id = insert(cadreId, Rank.valueOf(event.fromRank()), Rank.valueOf(event.toRank()), event.post(),
                effectiveOn, event.note(), event.recordedBy(), null);
        String cadreNumber = cadres.findById(cadreId).orElseThrow().profile().cadreNumber();
        String processInstanceId = runtimeService.createMessageCorrelation(Messages.PROMOTION_RECORDED)
                .processInstanceBusinessKey(cadreNumber)
                .setVariable(Vars.PROMOTION_ID, id)
                .setVariable(Vars.CADRE_ID, cadreId)
                .correlateStartMessage().getId();
        attachProcessInstance(id, processInstanceId);
        return Optional.of(id);
    }

    public void attachProcessInstance(long promotionId, String processInstanceId) {
        jdbc.sql("UPDATE promotion SET process_instance_id = ? WHERE id = ?").params(processInstanceId, promotionId).update();
    }

    /** The timer dates of a promotion's watch. */
    public record Watch(java.util.Date reminderAt, java.util.Date windowClosesAt, Long trainedClassId) {
    }

    /**
     * R32: the timers of the watch (reminder {@code ganxun.linkage.reminder-before} before the window closes, the
     * close at 00:00 after its last day) and the appointment training already completed within the window, if any.
     */
    public Watch watch(long promotionId) {
        Promotion p = find(promotionId);
        LocalDateTime closes = p.windowEndsOn().plusDays(1).atStartOfDay();
        return new Watch(EngineClock.toDate(closes.minus(reminderBefore)), EngineClock.toDate(closes),
                recognisedTraining(promotionId).orElse(null));
    }

    /** R32: the earliest-ending appointment training the cadre completed (not failed) within the promotion's window. */
    public Optional<Long> recognisedTraining(long promotionId) {
        return jdbc.sql("""
                SELECT k.id FROM promotion p
                  JOIN enrollment e ON e.cadre_id = p.cadre_id
                  JOIN training_class k ON k.id = e.class_id
                 WHERE p.id = ? AND e.status = 'COMPLETED' AND COALESCE(e.grade, '') <> 'FAIL' AND """ + APPOINTMENT_CLASS + """
                   AND k.end_date >= p.effective_on AND k.end_date <= p.window_ends_on
                 ORDER BY k.end_date, k.id""")
                .param(promotionId).query(Long.class).list().stream().findFirst();
    }

    /** R32: the promotion's appointment training is done (idempotent; the first training recorded stays). */
    @Transactional
    public void recordTraining(long promotionId, long classId) {
        find(promotionId);
        jdbc.sql("""
                UPDATE promotion SET status = 'TRAINED', trained_class_id = ?, trained_at = ?
                 WHERE id = ? AND status IN ('WAITING', 'OVERDUE')""")
                .params(classId, Timestamp.valueOf(EngineClock.now()), promotionId).update();
    }

    /**
     * Called when a class's enrollments are completed (training-class, after the credits are posted): tells the watch of
     * every promotion of its trainees that this appointment training counts for (R32). @return how many were told
     */
    @Transactional
    public int reportCompletions(long classId) {
        record Match(long promotionId, String cadreNumber) {
        }
        List<Match> matches = jdbc.sql("""
                SELECT p.id, c.cadre_number FROM training_class k
                  JOIN enrollment e ON e.class_id = k.id
                  JOIN promotion p ON p.cadre_id = e.cadre_id
                  JOIN cadre c ON c.id = p.cadre_id
                 WHERE k.id = ? AND e.status = 'COMPLETED' AND COALESCE(e.grade, '') <> 'FAIL' AND """ + APPOINTMENT_CLASS + """
                   AND p.status IN ('WAITING', 'OVERDUE') AND k.end_date >= p.effective_on AND k.end_date <= p.window_ends_on
                 ORDER BY p.id""")
                .param(classId).query((rs, n) -> new Match(rs.getLong(1), rs.getString(2))).list();
        int told = 0;
        for (Match match : matches) {
            told += runtimeService.createMessageCorrelation(Messages.TRAINING_COMPLETED)
                    .processInstanceBusinessKey(match.cadreNumber())
                    .processInstanceVariableEquals(Vars.PROMOTION_ID, match.promotionId())
                    .setVariable(Vars.TRAINED_CLASS_ID, classId)
                    .correlateAllWithResult().size();
        }
        return told;
    }

    /**
     * Reminds the cadre's unit HR and the org department once (outbox key per promotion) that the window closes soon;
     * nothing when the window has closed already or the training is done. @return messages sent now
     */
    @Transactional
    public int remind(long promotionId) {
        Promotion p = find(promotionId);
        if (p.status() != PromotionStatus.WAITING || EngineClock.today().isAfter(p.windowEndsOn())) {
            return 0;
        }
        record UnitContact(String code, String name, String hrEmail) {
        }
        UnitContact unit = jdbc.sql("SELECT u.code, u.name, u.hr_email FROM cadre c JOIN unit u ON u.id = c.unit_id WHERE c.id = ?")
                .param(p.cadreId()).query((rs, n) -> new UnitContact(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        Set<String> recipients = new LinkedHashSet<>();
        if (unit.hrEmail() != null && !unit.hrEmail().isBlank()) {
            recipients.add(unit.hrEmail());
        }
        recipients.addAll(directory.emailsOfGroup(Groups.unitHr(unit.code())));
        recipients.addAll(directory.emailsOfGroup(Groups.ORG_DEPT));
        int sent = outbox.send("appointment-training-reminder:" + promotionId, recipients,
                "【任职培训提醒】" + p.cadreName() + " 须于 " + DAY.format(p.windowEndsOn()) + " 前完成任职培训",
                unit.name() + "组织人事部门、组织部干教科：\n\n" + p.cadreName() + "（" + p.cadreNumber() + "）于 "
                        + DAY.format(p.effectiveOn()) + " 晋升为" + p.toRank().label() + (p.post() == null ? "" : "（" + p.post() + "）")
                        + "。按规定（R32），新提任干部应在晋升后一年内参加任职培训，即不晚于 " + DAY.format(p.windowEndsOn())
                        + " 结业；目前尚无已完成的任职培训记录。请尽快安排其参加任职培训班。\n\n逾期未参加的，除特殊情况外，"
                        + "将延长其试用期，由组织部干教科处理。\n\n干训系统（自动发送，请勿直接回复）");
        jdbc.sql("UPDATE promotion SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL")
                .params(Timestamp.valueOf(EngineClock.now()), promotionId).update();
        return sent;
    }

    /** R32: the window closed without appointment training. @return the due date of the org department's decision */
    @Transactional
    public java.util.Date markOverdue(long promotionId) {
        find(promotionId);
        jdbc.sql("UPDATE promotion SET status = 'OVERDUE', overdue_at = ? WHERE id = ? AND status = 'WAITING'")
                .params(Timestamp.valueOf(EngineClock.now()), promotionId).update();
        return EngineClock.toDate(EngineClock.now().plus(decisionWithin));
    }

    /**
     * R32: the org department's decision on an overdue promotion: extend the probation to a new end date (after today,
     * with a reason) or record the special circumstances (reason). Checked here as in the form.
     */
    @Transactional
    public Promotion decide(long promotionId, String decision, LocalDate probationEndsOn, String reason, String userId) {
        requireOrgDept(currentUser.of(userId));
        Promotion p = find(promotionId);
        if (p.status() != PromotionStatus.OVERDUE) {
            throw InvalidInputException.of(Vars.OVERDUE_DECISION, "该晋升当前状态为「" + p.statusLabel() + "」，无须处理");
        }
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        Optional<OverdueDecision> chosen = OverdueDecision.parse(decision);
        if (chosen.isEmpty()) {
            problems.add(new InvalidInputException.Problem(Vars.OVERDUE_DECISION,
                    "请选择处理方式：延长试用期（EXTEND_PROBATION）或记录特殊情况（SPECIAL_CIRCUMSTANCES）"));
        }
        if (reason == null || reason.strip().length() < 5) {
            problems.add(new InvalidInputException.Problem(Vars.DECISION_REASON, "R32：须填写理由（不少于5字）"));
        } else if (reason.strip().length() > 1000) {
            problems.add(new InvalidInputException.Problem(Vars.DECISION_REASON, "理由不能超过1000字"));
        }
        if (chosen.orElse(null) == OverdueDecision.EXTEND_PROBATION) {
            if (probationEndsOn == null) {
                problems.add(new InvalidInputException.Problem(Vars.PROBATION_ENDS_ON, "R32：延长试用期须填写新的试用期截止日期"));
            } else if (!probationEndsOn.isAfter(EngineClock.today())) {
                problems.add(new InvalidInputException.Problem(Vars.PROBATION_ENDS_ON,
                        "R32：新的试用期截止日期（" + probationEndsOn + "）须晚于今天"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean extend = chosen.get() == OverdueDecision.EXTEND_PROBATION;
        jdbc.sql("""
                UPDATE promotion SET status = ?, probation_ends_on = ?, decision_reason = ?, decided_by = ?, decided_at = ?
                 WHERE id = ?""")
                .params(extend ? PromotionStatus.PROBATION_EXTENDED.name() : PromotionStatus.SPECIAL_CIRCUMSTANCES.name(),
                        extend ? probationEndsOn : null, reason.strip(), userId, Timestamp.valueOf(EngineClock.now()),
                        promotionId)
                .update();
        return find(promotionId);
    }

    /** The org department's task: the promotion, the window, and the cadre's appointment training enrollments. */
    public String overdueInfo(long promotionId) {
        Promotion p = find(promotionId);
        StringBuilder md = new StringBuilder();
        md.append("**").append(p.cadreName()).append("**（").append(p.cadreNumber()).append("）于 ")
                .append(DAY.format(p.effectiveOn())).append(" 由").append(p.fromRank().label()).append("晋升为")
                .append(p.toRank().label()).append(p.post() == null ? "" : "，" + p.post()).append("。\n\n")
                .append("R32：应在 ").append(DAY.format(p.windowEndsOn()))
                .append(" 前完成任职培训，期限已届满，系统中没有该期限内结业的任职培训记录。")
                .append(p.remindedAt() == null ? "" : "已于 " + p.remindedAt().toLocalDate() + " 提醒单位和组织部。")
                .append("\n\n请选择：**延长试用期**（填写新的截止日期和理由）或 **记录特殊情况**（填写理由，不延长试用期）。")
                .append("若任职培训班已在期限内结业、结果尚待确认，结果确认后本任务自动结束。\n\n");
        List<String> lines = jdbc.sql("""
                SELECT k.class_number, k.title, k.start_date, k.end_date, e.status, e.grade FROM enrollment e
                  JOIN training_class k ON k.id = e.class_id
                 WHERE e.cadre_id = ? AND """ + APPOINTMENT_CLASS + " ORDER BY k.start_date")
                .param(p.cadreId())
                .query((rs, n) -> "| " + rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getDate(3) + " 至 "
                        + rs.getDate(4) + " | " + rs.getString(5) + (rs.getString(6) == null ? "" : " / " + rs.getString(6)) + " |")
                .list();
        if (lines.isEmpty()) {
            md.append("该干部没有参加任何任职培训班的记录。");
        } else {
            md.append("该干部的任职培训记录：\n\n| 班次 | 名称 | 日期 | 状态 / 等次 |\n|---|---|---|---|\n")
                    .append(String.join("\n", lines));
        }
        return md.toString();
    }

    public Promotion find(long promotionId) {
        return jdbc.sql(COLUMNS + " WHERE p.id = ?").param(promotionId).query(PromotionService::map).optional()
                .orElseThrow(() -> new NotFoundException("晋升记录不存在：" + promotionId));
    }

    /** The cadre's promotions, newest first. */
    public List<Promotion> ofCadre(long cadreId) {
        return jdbc.sql(COLUMNS + " WHERE p.cadre_id = ? ORDER BY p.effective_on DESC, p.id DESC").param(cadreId)
                .query(PromotionService::map).list();
    }

    /** Promotions by status (all when null), oldest window first; org department only. */
    public List<Promotion> list(PromotionStatus status) {
        requireOrgDept(currentUser.get());
        return status == null
                ? jdbc.sql(COLUMNS + " ORDER BY p.window_ends_on, p.id").query(PromotionService::map).list()
                : jdbc.sql(COLUMNS + " WHERE p.status = ? ORDER BY p.window_ends_on, p.id").param(status.name())
                        .query(PromotionService::map).list();
    }

    /** R32: the org department recognises a class as appointment training (or withdraws that). */
    @Transactional
    public void recogniseClass(long classId, boolean recognised) {
        Actor actor = currentUser.get();
        requireOrgDept(actor);
        int updated = jdbc.sql("UPDATE training_class SET appointment_training = ?, appointment_training_by = ? WHERE id = ?")
                .params(recognised, actor.userId(), classId).update();
        if (updated == 0) {
            throw new NotFoundException("培训班不存在：" + classId);
        }
    }

    private static void requireOrgDept(Actor actor) {
        if (!actor.inGroup(Groups.ORG_DEPT)) {
            throw new AccessDeniedException("无权访问：仅组织部干教科可登记晋升、认定任职培训和处理未按期任职培训");
        }
    }

    private boolean exists(long cadreId, LocalDate effectiveOn) {
        return jdbc.sql("SELECT COUNT(*) FROM promotion WHERE cadre_id = ? AND effective_on = ?")
                .params(cadreId, effectiveOn).query(Integer.class).single() > 0;
    }

    private long insert(long cadreId, Rank from, Rank to, String post, LocalDate effectiveOn, String note, String by,
            String processInstanceId) {
        jdbc.sql("""
                INSERT INTO promotion (cadre_id, from_rank, to_rank, post, effective_on, window_ends_on, status, note,
                                       registered_by, registered_at, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, 'WAITING', ?, ?, ?, ?)""")
                .params(cadreId, from.name(), to.name(), post, effectiveOn, effectiveOn.plusYears(1), note, by,
                        Timestamp.valueOf(EngineClock.now()), processInstanceId)
                .update();
        return jdbc.sql("SELECT id FROM promotion WHERE cadre_id = ? AND effective_on = ?").params(cadreId, effectiveOn)
                .query(Long.class).single();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final String COLUMNS = """
            SELECT p.id, p.cadre_id, c.cadre_number, c.name AS cadre_name, p.from_rank, p.to_rank, p.post, p.effective_on,
                   p.window_ends_on, p.status, p.trained_class_id, k.class_number, k.title, k.end_date, p.reminded_at,
                   p.overdue_at, p.probation_ends_on, p.decision_reason, p.decided_by, p.decided_at, p.note,
                   p.registered_by, p.registered_at, p.process_instance_id
              FROM promotion p JOIN cadre c ON c.id = p.cadre_id
              LEFT JOIN training_class k ON k.id = p.trained_class_id""";

    private static Promotion map(ResultSet rs, int row) throws SQLException {
        PromotionStatus status = PromotionStatus.valueOf(rs.getString("status"));
        return new Promotion(rs.getLong("id"), rs.getLong("cadre_id"), rs.getString("cadre_number"),
                rs.getString("cadre_name"), Rank.valueOf(rs.getString("from_rank")), Rank.valueOf(rs.getString("to_rank")),
                rs.getString("post"), rs.getObject("effective_on", LocalDate.class),
                rs.getObject("window_ends_on", LocalDate.class), status, status.label(),
                rs.getObject("trained_class_id", Long.class), rs.getString("class_number"), rs.getString("title"),
                rs.getObject("end_date", LocalDate.class), time(rs, "reminded_at"), time(rs, "overdue_at"),
                rs.getObject("probation_ends_on", LocalDate.class), rs.getString("decision_reason"),
                rs.getString("decided_by"), time(rs, "decided_at"), rs.getString("note"), rs.getString("registered_by"),
                time(rs, "registered_at"), rs.getString("process_instance_id"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }
}
