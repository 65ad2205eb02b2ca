package cn.ganxun.dispatch;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Unit;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.coverage.CoverageLight;
import cn.ganxun.coverage.CoverageService;
import cn.ganxun.dispatch.QuotaMandateProcess.ExpiredDecision;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Quota dispatch (名额分配调训, R9): a unit's HR nominates exactly its open seats from its own cadres before the
 * deadline; every nominee is checked (R1, R9, R10); the approver may override the "generally" rules; the org
 * department may review, and decides what happens to seats left unfilled at the deadline.
 */
@Service
public class QuotaService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final Nominations nominations;
    private final DispatchRules rules;
    private final CoverageService coverage;
    private final UnitRepository units;
    private final ClassFilingService classes;

    QuotaService(JdbcClient jdbc, Nominations nominations, DispatchRules rules, CoverageService coverage,
            UnitRepository units, ClassFilingService classes) {
        this.jdbc = jdbc;
        this.nominations = nominations;
        this.rules = rules;
        this.coverage = coverage;
        this.units = units;
        this.classes = classes;
    }

    public QuotaAllocation find(long allocationId) {
        return jdbc.sql(ALLOCATIONS + " WHERE a.id = ?").param(allocationId).query(QuotaService::allocation).optional()
                .orElseThrow(() -> new NotFoundException("名额分配不存在：" + allocationId));
    }

    /** Every allocation of the class (reassigned ones too), by id. */
    public List<QuotaAllocation> forClass(long classId) {
        return jdbc.sql(ALLOCATIONS + " WHERE a.class_id = ? ORDER BY a.id").param(classId).query(QuotaService::allocation)
                .list();
    }

    private static final String ALLOCATIONS = """
            SELECT a.id, a.class_id, a.unit_id, u.code, u.name, a.seats, a.seats_used, a.deadline, a.status
              FROM quota_allocation a JOIN unit u ON u.id = a.unit_id""";

    private static QuotaAllocation allocation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new QuotaAllocation(rs.getLong("id"), rs.getLong("class_id"), rs.getLong("unit_id"), rs.getString("code"),
                rs.getString("name"), rs.getInt("seats"), rs.getInt("seats_used"),
                rs.getTimestamp("deadline").toLocalDateTime(), rs.getString("status"));
    }

    /**
     * The picker: the unit's active cadres, each with coverage light and five-year hours (R5, R6), red first
     * (the priority targets), then yellow, then green.
     */
    public List<NomineeOption> candidates(long allocationId) {
        QuotaAllocation allocation = find(allocationId);
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT c.id, c.cadre_number, c.name, c.rank_level FROM cadre c
                 WHERE c.unit_id = ? AND c.status = 'ACTIVE' ORDER BY c.cadre_number""")
                .param(allocation.unitId()).query().listOfRows();
        List<Long> ids = rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
        Map<Long, CoverageLight> lights = coverage.lightsFor(ids, EngineClock.today());
        List<NomineeOption> candidates = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            candidates.add(new NomineeOption(id, (String) row.get("cadre_number"), (String) row.get("name"), lights.get(id)));
        }
        candidates.sort((a, b) -> a.light().light().compareTo(b.light().light()));
        return candidates;
    }

    /**
     * Nominates exactly the allocation's open seats. Refuses (400, nothing written) cadres of another unit,
     * retired cadres and overlapping classes, naming the rule and the conflicting class; stores nominees that
     * break a "generally" rule of R10 flagged for the approver's override.
     *
     * @return whether the approver must decide on an override
     */
    @Transactional
    public boolean nominate(long allocationId, List<Long> cadreIds, Actor actor) {
        QuotaAllocation allocation = find(allocationId);
        requireUnitHrOf(actor, allocation);
        if (!"OPEN".equals(allocation.status())) {
            throw InvalidInputException.of("allocationId", "该单位名额当前不可推荐（" + allocation.status() + "）");
        }
        Set<Long> unique = new LinkedHashSet<>(cadreIds == null ? List.of() : cadreIds);
        if (unique.size() != allocation.seatsOpen()) {
            throw InvalidInputException.rule("R9", "nomineeIds", "须推荐恰好 " + allocation.seatsOpen() + " 人，实际选择了 "
                    + unique.size() + " 人");
        }
        Map<Long, List<RuleBreach>> breaches = rules.check(allocation.classId(), allocation.unitId(), unique);
        List<Problem> blocked = new ArrayList<>();
        breaches.forEach((cadreId, list) -> list.stream().filter(b -> b.severity() == BreachSeverity.BLOCK)
                .forEach(b -> blocked.add(new Problem("nomineeIds", b.ruleId() + "：" + b.message()))));
        if (!blocked.isEmpty()) {
            throw new InvalidInputException(blocked);
        }
        int taken = jdbc.sql("UPDATE quota_allocation SET seats_used = seats_used + ?, status = 'NOMINATED' "
                        + "WHERE id = ? AND status = 'OPEN' AND seats_used + ? <= seats")
                .params(unique.size(), allocationId, unique.size()).update();
        if (taken == 0) {
            throw InvalidInputException.rule("R9", "nomineeIds", "该单位名额已被他人同时推荐占用，请刷新后重试");
        }
        boolean needsOverride = false;
        for (Long cadreId : unique) {
            List<RuleBreach> found = breaches.get(cadreId);
            nominations.add(allocation.classId(), cadreId, allocation.unitId(), allocationId, null, found, actor.userId());
            needsOverride |= RuleBreaches.needsOverride(found);
        }
        return needsOverride;
    }

    /**
     * The approver's decision on nominees that break a "generally" rule of R10: override with a recorded reason,
     * or refuse (those nominees are withdrawn and the unit nominates again for the freed seats).
     */
    @Transactional
    public void decideOverride(long allocationId, boolean override, String reason, String approver) {
        List<Long> flagged = jdbc.sql("SELECT id FROM nomination WHERE allocation_id = ? AND status = 'ACTIVE' "
                + "AND needs_override = TRUE").param(allocationId).query(Long.class).list();
        if (override) {
            for (Long nominationId : flagged) {
                nominations.override(nominationId, reason, approver);
            }
            return;
        }
        release(allocationId, flagged);
    }

    /** The org department accepts the unit's nominations, or sends them back (all withdrawn, seats freed). */
    @Transactional
    public void review(long allocationId, boolean accept, String comment) {
        if (accept) {
            return;
        }
        if (comment == null || comment.isBlank()) {
            throw InvalidInputException.of("reviewComment", "退回重新推荐须填写意见");
        }
        release(allocationId, nominations.activeIdsOfAllocation(allocationId));
    }

    @Transactional
    public void confirm(long allocationId) {
        jdbc.sql("UPDATE quota_allocation SET status = 'CONFIRMED' WHERE id = ?").param(allocationId).update();
    }

    /**
     * Seats still open at the deadline: extend the deadline, give them to another unit, or leave them empty.
     *
     * @return the allocation the process continues with (a new one after a reassignment)
     */
    @Transactional
    public long resolveExpired(long allocationId, ExpiredDecision decision, String newDeadline, String targetUnitCode) {
        if (decision == null) {
            throw InvalidInputException.of("expiredDecision", "请选择处理方式");
        }
        QuotaAllocation allocation = find(allocationId);
        if (decision == ExpiredDecision.LEAVE_EMPTY) {
            jdbc.sql("UPDATE quota_allocation SET status = 'LEFT_EMPTY' WHERE id = ?").param(allocationId).update();
            return allocationId;
        }
        LocalDateTime deadline = futureDeadline(newDeadline, classes.find(allocation.classId()));
        if (decision == ExpiredDecision.EXTEND) {
            jdbc.sql("UPDATE quota_allocation SET deadline = ? WHERE id = ?")
                    .params(Timestamp.valueOf(deadline), allocationId).update();
            return allocationId;
        }
        Unit target = units.findByCode(targetUnitCode == null ? "" : targetUnitCode.trim())
                .orElseThrow(() -> InvalidInputException.of("targetUnitCode", "单位代码不存在：" + targetUnitCode));
        if (target.id() == allocation.unitId()) {
            throw InvalidInputException.of("targetUnitCode", "请选择另一个单位");
        }
        int open = allocation.seatsOpen();
        jdbc.sql("UPDATE quota_allocation SET status = 'REASSIGNED', seats = seats_used WHERE id = ?")
                .param(allocationId).update();
        jdbc.sql("INSERT INTO quota_allocation (class_id, unit_id, seats, seats_used, deadline, status, reassigned_from_id, "
                        + "created_at) VALUES (?, ?, ?, 0, ?, 'OPEN', ?, ?)")
                .params(allocation.classId(), target.id(), open, Timestamp.valueOf(deadline), allocationId,
                        Timestamp.valueOf(EngineClock.now()))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM quota_allocation WHERE reassigned_from_id = ?").param(allocationId)
                .query(Long.class).single();
    }

    /** Markdown for the tasks of this allocation: class, unit, seats, deadline, nominees and their breaches. */
    public String summary(long allocationId) {
        QuotaAllocation a = find(allocationId);
        TrainingClass c = classes.find(a.classId());
        StringBuilder md = new StringBuilder();
        md.append("#### ").append(c.title()).append("（").append(c.classNumber()).append("）\n\n");
        md.append("- 培训时间：").append(c.startDate()).append(" 至 ").append(c.endDate())
                .append(c.offJob() ? "（脱产）" : "").append("；主题：").append(c.topic()).append('\n');
        md.append("- 单位：").append(a.unitName()).append("（").append(a.unitCode()).append("）；名额 ").append(a.seats())
                .append(" 人，已推荐 ").append(a.seatsUsed()).append(" 人\n");
        md.append("- 推荐截止：").append(a.deadline().format(TIME)).append("\n");
        List<String> nominees = jdbc.sql("""
                SELECT c.name, c.cadre_number, n.needs_override, n.override_reason FROM nomination n
                  JOIN cadre c ON c.id = n.cadre_id WHERE n.allocation_id = ? AND n.status = 'ACTIVE' ORDER BY c.cadre_number""")
                .param(allocationId)
                .query((rs, row) -> "- " + rs.getString("name") + "（" + rs.getString("cadre_number") + "）"
                        + (rs.getBoolean("needs_override") ? " ⚠ 待特批" : "")
                        + (rs.getString("override_reason") != null ? " 已特批：" + rs.getString("override_reason") : ""))
                .list();
        if (!nominees.isEmpty()) {
            md.append("\n**已推荐人员**\n\n").append(String.join("\n", nominees)).append('\n');
        }
        List<String> breaches = nominations.breachLines(nominations.activeIdsOfAllocation(allocationId));
        if (!breaches.isEmpty()) {
            md.append("\n**调训规则核验**\n\n");
            breaches.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        return md.toString();
    }

    private void release(long allocationId, List<Long> nominationIds) {
        for (Long nominationId : nominationIds) {
            nominations.withdraw(nominationId);
        }
        jdbc.sql("UPDATE quota_allocation SET seats_used = seats_used - ?, status = 'OPEN' WHERE id = ?")
                .params(nominationIds.size(), allocationId).update();
    }

    private static void requireUnitHrOf(Actor actor, QuotaAllocation allocation) {
        if (actor.inAnyGroup(Groups.ORG_DEPT)) {
            return;
        }
        if (!actor.groups().contains(Groups.UNIT_HR) || actor.unitId() == null || actor.unitId() != allocation.unitId()) {
            throw new AccessDeniedException("无权访问：只能为本单位推荐参训人员");
        }
    }

    private static LocalDateTime futureDeadline(String value, TrainingClass trainingClass) {
        LocalDateTime deadline;
        try {
            deadline = value == null || value.isBlank() ? null
                    : value.length() <= 10 ? LocalDate.parse(value).atTime(23, 59, 59) : LocalDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of("newDeadline", "新的截止时间格式错误：" + value);
        }
        if (deadline == null) {
            throw InvalidInputException.of("newDeadline", "请填写新的截止时间");
        }
        if (!deadline.isAfter(EngineClock.now())) {
            throw InvalidInputException.of("newDeadline", "新的截止时间已过");
        }
        if (!deadline.toLocalDate().isBefore(trainingClass.startDate())) {
            throw InvalidInputException.of("newDeadline", "新的截止时间须早于开班日期（" + trainingClass.startDate() + "）");
        }
        return deadline;
    }
}
