package cn.ganxun.dispatch;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;

/**
 * Puts cadres on a class's roster and takes them off, for named mandates and quota allocations alike. Taking a
 * seat is one conditional UPDATE on {@code class_roster}, so two users taking the last seat at the same moment
 * never overbook the class: one of them gets "名额已满".
 */
@Component
class Nominations {

    private final JdbcClient jdbc;

    Nominations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds one nomination after the rule check. A blocking breach refuses it with the rule and the conflicting
     * record named; an overridable one is stored and flags the nomination for the approver's override.
     */
    long add(long classId, long cadreId, long unitId, Long allocationId, Long mandateId, List<RuleBreach> breaches,
            String nominatedBy) {
        breaches.stream().filter(b -> b.severity() == BreachSeverity.BLOCK).findFirst().ifPresent(b -> {
            throw InvalidInputException.rule(b.ruleId(), "cadreId", b.message());
        });
        boolean onRoster = jdbc.sql("SELECT COUNT(*) FROM nomination WHERE class_id = ? AND cadre_id = ? AND status = 'ACTIVE'")
                .params(classId, cadreId).query(Long.class).single() > 0;
        if (onRoster) {
            throw InvalidInputException.of("cadreId", "该干部已在本班名单中（干部 id " + cadreId + "）");
        }
        int taken = jdbc.sql("UPDATE class_roster SET seats_taken = seats_taken + 1 "
                        + "WHERE class_id = ? AND status = 'OPEN' AND seats_taken + 1 <= seats")
                .param(classId).update();
        if (taken == 0) {
            throw InvalidInputException.rule("R9", "cadreId", "本班名额已满或名单已确定，不能再增加学员");
        }
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        jdbc.sql("""
                INSERT INTO nomination (class_id, cadre_id, unit_id, allocation_id, mandate_id, status, needs_override,
                    nominated_by, nominated_at)
                VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)""")
                .params(classId, cadreId, unitId, allocationId, mandateId, RuleBreaches.needsOverride(breaches),
                        nominatedBy, now)
                .update();
        long id = jdbc.sql("SELECT id FROM nomination WHERE class_id = ? AND cadre_id = ? AND status = 'ACTIVE'")
                .params(classId, cadreId).query(Long.class).single();
        for (RuleBreach breach : breaches) {
            jdbc.sql("INSERT INTO nomination_breach (nomination_id, rule_id, code, severity, message, conflicting_class_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, breach.ruleId(), breach.code().name(), breach.severity().name(), breach.message(),
                            breach.conflictingClass() == null ? null : breach.conflictingClass().id())
                    .update();
        }
        return id;
    }

    /** Takes a nomination off the roster and frees its seat. */
    void withdraw(long nominationId) {
        Long classId = jdbc.sql("SELECT class_id FROM nomination WHERE id = ? AND status = 'ACTIVE'")
                .param(nominationId).query(Long.class).optional().orElse(null);
        if (classId == null) {
            return;
        }
        jdbc.sql("UPDATE nomination SET status = 'WITHDRAWN' WHERE id = ?").param(nominationId).update();
        jdbc.sql("UPDATE class_roster SET seats_taken = seats_taken - 1 WHERE class_id = ?").param(classId).update();
    }

    /** Records the approver's override of the "generally" rules (R10) with its reason. */
    void override(long nominationId, String reason, String approver) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.rule("R10", "overrideReason", "特批须填写理由");
        }
        jdbc.sql("UPDATE nomination SET needs_override = FALSE, override_reason = ?, overridden_by = ? WHERE id = ?")
                .params(reason.trim(), approver, nominationId).update();
    }

    List<Long> activeIdsOfAllocation(long allocationId) {
        return jdbc.sql("SELECT id FROM nomination WHERE allocation_id = ? AND status = 'ACTIVE' ORDER BY id")
                .param(allocationId).query(Long.class).list();
    }

    List<Long> activeIdsOfMandate(long mandateId) {
        return jdbc.sql("SELECT id FROM nomination WHERE mandate_id = ? AND status = 'ACTIVE' ORDER BY id")
                .param(mandateId).query(Long.class).list();
    }

    /** The breaches stored for the given nominations, one line each: "姓名（编号）：R10 …". */
    List<String> breachLines(List<Long> nominationIds) {
        if (nominationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT c.name, c.cadre_number, b.rule_id, b.severity, b.message
                  FROM nomination_breach b JOIN nomination n ON n.id = b.nomination_id JOIN cadre c ON c.id = n.cadre_id
                 WHERE b.nomination_id IN (:ids) ORDER BY c.cadre_number, b.id""")
                .param("ids", nominationIds)
                .query((rs, row) -> rs.getString("name") + "（" + rs.getString("cadre_number") + "）："
                        + rs.getString("rule_id") + ("WARNING".equals(rs.getString("severity")) ? "【提醒】" : "【须特批】")
                        + rs.getString("message"))
                .list();
    }
}
