package cn.ganxun.dispatch;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.dispatch.MandateDecision.Action;
import cn.ganxun.dispatch.NamedMandateProcess.RuleOutcome;
import cn.ganxun.dispatch.NamedMandateProcess.SubstitutionDecision;
import cn.ganxun.dispatch.NamedMandateProcess.UnitDecision;
import cn.ganxun.dispatch.NamedMandateProcess.Vars;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Groups;

/**
 * Named dispatch (点名调训, R8): the org department names a cadre; the rules (R1, R10) are checked with no nominating
 * unit; a "generally" rule needs the approver's override with a reason; the cadre is put on the roster; the cadre's
 * unit HR confirms or asks to substitute another cadre of the unit, which needs a reason and the approver's consent
 * (R8: no substitution without special circumstances); the substitute goes through the same checks; the cadre
 * acknowledges. Every decision goes into {@code named_mandate_decision} with who, when and why.
 */
@Service
public class NamedMandateService {

    /** Who the trail names for what the rule check decided by itself. */
    static final String RULE_CHECK = "system";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final Nominations nominations;
    private final DispatchRules rules;
    private final ClassFilingService classes;
    private final Duration reminderBeforeDeadline;

    NamedMandateService(JdbcClient jdbc, Nominations nominations, DispatchRules rules, ClassFilingService classes,
            @Value("${ganxun.dispatch.reminder-before-deadline}") Duration reminderBeforeDeadline) {
        this.jdbc = jdbc;
        this.nominations = nominations;
        this.rules = rules;
        this.classes = classes;
        this.reminderBeforeDeadline = reminderBeforeDeadline;
    }

    public NamedMandate find(long mandateId) {
        return jdbc.sql(MANDATES + " WHERE m.id = ?").param(mandateId).query(NamedMandateService::mandate).optional()
                .orElseThrow(() -> new NotFoundException("点名调训不存在：" + mandateId));
    }

    /** Every named mandate of the class, by id. */
    public List<NamedMandate> forClass(long classId) {
        return jdbc.sql(MANDATES + " WHERE m.class_id = ? ORDER BY m.id").param(classId).query(NamedMandateService::mandate)
                .list();
    }

    private static final String MANDATES = """
            SELECT m.id, m.class_id, m.cadre_id, c.cadre_number, c.name, c.email, c.unit_id, u.code, u.name AS unit_name,
                   m.original_cadre_id, m.status, m.substitute_cadre_id, m.substitution_reason, r.enrollment_deadline
              FROM named_mandate m JOIN cadre c ON c.id = m.cadre_id JOIN unit u ON u.id = c.unit_id
              JOIN class_roster r ON r.class_id = m.class_id""";

    private static NamedMandate mandate(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new NamedMandate(rs.getLong("id"), rs.getLong("class_id"), rs.getLong("cadre_id"),
                rs.getString("cadre_number"), rs.getString("name"), rs.getString("email"), rs.getLong("unit_id"),
                rs.getString("code"), rs.getString("unit_name"), rs.getLong("original_cadre_id"), rs.getString("status"),
                rs.getObject("substitute_cadre_id", Long.class), rs.getString("substitution_reason"),
                rs.getTimestamp("enrollment_deadline").toLocalDateTime());
    }

    /** The unit HR group, the deadline (the roster's enrollment deadline) and the reminder time, for the cadre now named. */
    public MandateTasks tasks(long mandateId) {
        NamedMandate m = find(mandateId);
        return new MandateTasks(Groups.unitHr(m.unitCode()), m.deadline(), m.deadline().minus(reminderBeforeDeadline),
                m.substituted());
    }

    /** The accounts bound to the mandate's cadre: they acknowledge the notice themselves. */
    public List<String> acknowledgingUsers(long mandateId) {
        return jdbc.sql("SELECT b.user_id FROM account_binding b JOIN named_mandate m ON m.cadre_id = b.cadre_id "
                + "WHERE m.id = ? ORDER BY b.user_id").param(mandateId).query(String.class).list();
    }

    /** The unit HR group when the cadre has no account: it acknowledges on the cadre's behalf. */
    public List<String> acknowledgingGroups(long mandateId) {
        return acknowledgingUsers(mandateId).isEmpty() ? List.of(tasks(mandateId).unitHrGroup()) : List.of();
    }

    /**
     * Checks the mandate's current cadre (R1, R10; a named mandate has no nominating unit). A blocking breach
     * withdraws the mandate and records the breaches as the reason.
     */
    @Transactional
    public RuleOutcome checkRules(long mandateId) {
        NamedMandate m = requireStatus(mandateId, "NOTIFIED");
        List<RuleBreach> breaches = rules.checkOne(m.classId(), null, m.cadreId());
        if (RuleBreaches.blocks(breaches)) {
            withdraw(m);
            record(m, Action.RULES_BLOCKED, RULE_CHECK, String.join("；", breaches.stream()
                    .filter(b -> b.severity() == BreachSeverity.BLOCK).map(b -> b.ruleId() + "：" + b.message()).toList()),
                    null);
            return RuleOutcome.BLOCKED;
        }
        return RuleBreaches.needsOverride(breaches) ? RuleOutcome.OVERRIDE_NEEDED : RuleOutcome.CLEAR;
    }

    /** The approver on a "generally" rule of R10: override with a reason, or refuse (the mandate is withdrawn). */
    @Transactional
    public void decideOverride(long mandateId, OverrideDecision decision, String reason, String approver) {
        NamedMandate m = requireStatus(mandateId, "NOTIFIED");
        if (decision == OverrideDecision.OVERRIDE) {
            if (isBlank(reason)) {
                throw InvalidInputException.rule("R10", Vars.OVERRIDE_REASON, "特批须填写理由");
            }
            record(m, Action.OVERRIDDEN, approver, reason.trim(), null);
            return;
        }
        withdraw(m);
        record(m, Action.OVERRIDE_REFUSED, approver, trimmed(reason), null);
    }

    /**
     * Puts the mandate's cadre on the roster (a seat of the class), with the rule findings stored on the nomination
     * and the approver's override, if the findings needed one. The nomination is made in the name of the org
     * department staff who opened the roster.
     *
     * @return the nomination id
     */
    @Transactional
    public long nominate(long mandateId) {
        NamedMandate m = requireStatus(mandateId, "NOTIFIED");
        List<RuleBreach> breaches = rules.checkOne(m.classId(), null, m.cadreId());
        String openedBy = jdbc.sql("SELECT opened_by FROM class_roster WHERE class_id = ?").param(m.classId())
                .query(String.class).single();
        long nominationId = nominations.add(m.classId(), m.cadreId(), m.unitId(), null, mandateId, breaches, openedBy);
        if (RuleBreaches.needsOverride(breaches)) {
            MandateDecision override = decisions(mandateId).stream()
                    .filter(d -> d.action() == Action.OVERRIDDEN && d.cadreId() == m.cadreId())
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new IllegalStateException("mandate " + mandateId + " needs an override first"));
            nominations.override(nominationId, override.reason(), override.actor());
        }
        return nominationId;
    }

    /**
     * The unit HR confirms the named cadre, or asks to substitute another active cadre of the same unit, giving the
     * special circumstances (R8). A substitute the rules would block (R1, R10) is refused at once, naming the rule.
     */
    @Transactional
    public void decideUnit(long mandateId, UnitDecision decision, String substituteCadreNumber, String reason,
            String actor) {
        NamedMandate m = requireStatus(mandateId, "NOTIFIED");
        if (decision == UnitDecision.CONFIRM) {
            record(m, Action.CONFIRMED_BY_UNIT, actor, null, null);
            return;
        }
        if (isBlank(substituteCadreNumber)) {
            throw InvalidInputException.of(Vars.SUBSTITUTE_CADRE_NUMBER, "申请替换须填写替换干部编号");
        }
        if (isBlank(reason)) {
            throw InvalidInputException.rule("R8", Vars.SUBSTITUTION_REASON, "申请替换须说明特殊情况");
        }
        long substituteId = substitute(m, substituteCadreNumber.trim());
        jdbc.sql("UPDATE named_mandate SET status = 'SUBSTITUTION_REQUESTED', substitute_cadre_id = ?, "
                        + "substitution_reason = ?, updated_at = ? WHERE id = ?")
                .params(substituteId, reason.trim(), now(), mandateId).update();
        record(m, Action.SUBSTITUTION_REQUESTED, actor, reason.trim(), substituteId);
    }

    /**
     * The approver on a substitution request. Approved: the named cadre's nomination is withdrawn and the substitute
     * becomes the mandate's cadre (checked again by the process). Refused, with a comment: the named cadre stays.
     */
    @Transactional
    public void decideSubstitution(long mandateId, SubstitutionDecision decision, String comment, String approver) {
        NamedMandate m = requireStatus(mandateId, "SUBSTITUTION_REQUESTED");
        if (decision == SubstitutionDecision.REFUSE) {
            if (isBlank(comment)) {
                throw InvalidInputException.rule("R8", Vars.SUBSTITUTION_COMMENT, "不同意替换须填写意见");
            }
            jdbc.sql("UPDATE named_mandate SET status = 'NOTIFIED', updated_at = ? WHERE id = ?")
                    .params(now(), mandateId).update();
            record(m, Action.SUBSTITUTION_REFUSED, approver, comment.trim(), m.substituteCadreId());
            return;
        }
        nominations.activeIdsOfMandate(mandateId).forEach(nominations::withdraw);
        jdbc.sql("UPDATE named_mandate SET cadre_id = substitute_cadre_id, status = 'NOTIFIED', updated_at = ? WHERE id = ?")
                .params(now(), mandateId).update();
        record(m, Action.SUBSTITUTION_APPROVED, approver, trimmed(comment), m.substituteCadreId());
    }

    /**
     * The cadre acknowledges the notice; without an account of their own, their unit HR does it for them (the trail
     * says so). The mandate is then settled (CONFIRMED).
     */
    @Transactional
    public void acknowledge(long mandateId, boolean acknowledged, String actor) {
        NamedMandate m = requireStatus(mandateId, "NOTIFIED");
        if (!acknowledged) {
            throw InvalidInputException.of(Vars.ACKNOWLEDGED, "请确认已知悉参训通知");
        }
        jdbc.sql("UPDATE named_mandate SET status = 'CONFIRMED', updated_at = ? WHERE id = ?")
                .params(now(), mandateId).update();
        record(m, Action.ACKNOWLEDGED, actor,
                acknowledgingUsers(mandateId).contains(actor) ? null : "干部无系统账号，由单位组织人事部门代为确认", null);
    }

    /** The decision trail, oldest first. */
    public List<MandateDecision> decisions(long mandateId) {
        return jdbc.sql("""
                SELECT action, cadre_id, actor, reason, substitute_cadre_id, decided_at FROM named_mandate_decision
                 WHERE mandate_id = ? ORDER BY id""")
                .param(mandateId)
                .query((rs, n) -> new MandateDecision(Action.valueOf(rs.getString("action")), rs.getLong("cadre_id"),
                        rs.getString("actor"), rs.getString("reason"), rs.getObject("substitute_cadre_id", Long.class),
                        rs.getTimestamp("decided_at").toLocalDateTime()))
                .list();
    }

    /**
     * Markdown for the forms: the class, the cadre and unit, the deadline, the rule findings (rule ids and the
     * conflicting classes), the substitution asked for and the decisions so far.
     */
    public String summary(long mandateId) {
        NamedMandate m = find(mandateId);
        TrainingClass c = classes.find(m.classId());
        StringBuilder md = new StringBuilder();
        md.append("#### 点名调训：").append(c.title()).append("（").append(c.classNumber()).append("）\n\n");
        md.append("- 培训时间：").append(c.startDate()).append(" 至 ").append(c.endDate())
                .append(c.offJob() ? "（脱产）" : "").append("；主题：").append(c.topic()).append('\n');
        md.append("- 被点名干部：").append(m.cadreLabel()).append("，").append(m.unitName()).append('\n');
        if (m.substituted()) {
            md.append("- 原点名干部：").append(cadreLabel(m.originalCadreId())).append("（已经批准替换）\n");
        }
        md.append("- 单位确认截止：").append(m.deadline().format(TIME)).append('\n');
        appendBreaches(md, "调训规则核验", m.classId(), m.cadreId());
        if ("SUBSTITUTION_REQUESTED".equals(m.status())) {
            md.append("\n**替换申请**：").append(cadreLabel(m.substituteCadreId())).append("；理由：")
                    .append(m.substitutionReason()).append('\n');
            appendBreaches(md, "替换人选调训规则核验", m.classId(), m.substituteCadreId());
        }
        List<MandateDecision> trail = decisions(mandateId);
        if (!trail.isEmpty()) {
            md.append("\n**办理记录**\n\n");
            trail.forEach(d -> md.append("- ").append(d.decidedAt().format(TIME)).append(" ").append(d.actor()).append("：")
                    .append(d.action().label()).append("（").append(cadreLabel(d.cadreId())).append("）")
                    .append(d.reason() == null ? "" : "，" + d.reason()).append('\n'));
        }
        return md.toString();
    }

    private void appendBreaches(StringBuilder md, String title, long classId, long cadreId) {
        List<RuleBreach> breaches = rules.checkOne(classId, null, cadreId);
        md.append("\n**").append(title).append("**\n\n");
        if (breaches.isEmpty()) {
            md.append("- 未发现违反调训规则（R1、R10）\n");
        }
        breaches.forEach(b -> md.append("- ").append(b.ruleId()).append(switch (b.severity()) {
            case BLOCK -> "【不可调训】";
            case OVERRIDABLE -> "【须特批】";
            case WARNING -> "【提醒】";
        }).append(b.message()).append('\n'));
    }

    /** The substitute's id after the checks of R8 (same unit), R1 (active) and the blocking rules of R10. */
    private long substitute(NamedMandate m, String cadreNumber) {
        record Substitute(long id, String label, String status, long unitId, String unitName) {
        }
        Substitute s = jdbc.sql("""
                SELECT c.id, c.name, c.cadre_number, c.status, c.unit_id, u.name AS unit_name
                  FROM cadre c JOIN unit u ON u.id = c.unit_id WHERE c.cadre_number = ?""")
                .param(cadreNumber)
                .query((rs, n) -> new Substitute(rs.getLong("id"), rs.getString("name") + "（" + rs.getString("cadre_number")
                        + "）", rs.getString("status"), rs.getLong("unit_id"), rs.getString("unit_name")))
                .optional()
                .orElseThrow(() -> InvalidInputException.of(Vars.SUBSTITUTE_CADRE_NUMBER, "干部编号不存在：" + cadreNumber));
        if (s.id() == m.cadreId()) {
            throw InvalidInputException.of(Vars.SUBSTITUTE_CADRE_NUMBER, "替换人选不能是被点名干部本人");
        }
        if (!"ACTIVE".equals(s.status())) {
            throw InvalidInputException.rule("R1", Vars.SUBSTITUTE_CADRE_NUMBER, s.label() + "不是在职干部，不能参加培训");
        }
        if (s.unitId() != m.unitId()) {
            throw InvalidInputException.rule("R8", Vars.SUBSTITUTE_CADRE_NUMBER, s.label() + "是" + s.unitName()
                    + "的干部；替换人选须为本单位（" + m.unitName() + "）干部");
        }
        boolean alreadyDispatched = jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM nomination WHERE class_id = :classId AND cadre_id = :cadreId AND status = 'ACTIVE')
                     + (SELECT COUNT(*) FROM named_mandate WHERE class_id = :classId AND cadre_id = :cadreId AND status <> 'WITHDRAWN')
                """).param("classId", m.classId()).param("cadreId", s.id()).query(Long.class).single() > 0;
        if (alreadyDispatched) {
            throw InvalidInputException.of(Vars.SUBSTITUTE_CADRE_NUMBER, s.label() + "已在本班调训名单中");
        }
        rules.checkOne(m.classId(), null, s.id()).stream().filter(b -> b.severity() == BreachSeverity.BLOCK).findFirst()
                .ifPresent(b -> {
                    throw InvalidInputException.rule(b.ruleId(), Vars.SUBSTITUTE_CADRE_NUMBER, b.message());
                });
        return s.id();
    }

    private NamedMandate requireStatus(long mandateId, String status) {
        NamedMandate m = find(mandateId);
        if (!status.equals(m.status())) {
            throw InvalidInputException.of(Vars.MANDATE_ID, "该点名调训当前状态为 " + m.status() + "，不能办理此步骤");
        }
        return m;
    }

    private void withdraw(NamedMandate m) {
        jdbc.sql("UPDATE named_mandate SET status = 'WITHDRAWN', updated_at = ? WHERE id = ?").params(now(), m.id()).update();
    }

    private void record(NamedMandate m, Action action, String actor, String reason, Long substituteCadreId) {
        jdbc.sql("INSERT INTO named_mandate_decision (mandate_id, cadre_id, action, actor, reason, substitute_cadre_id, "
                        + "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.cadreId(), action.name(), actor, reason, substituteCadreId, now()).update();
    }

    private String cadreLabel(long cadreId) {
        return jdbc.sql("SELECT name, cadre_number FROM cadre WHERE id = ?").param(cadreId)
                .query((rs, n) -> rs.getString("name") + "（" + rs.getString("cadre_number") + "）").single();
    }

    private static Timestamp now() {
        return Timestamp.valueOf(EngineClock.now());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
