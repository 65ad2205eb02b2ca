package cn.ganxun.credits;

import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Who may see or change a cadre's credits: the org department everywhere, unit HR for the cadres of their unit and
 * the units below it, the cadre themself for reading and claiming. Roles are checked before existence (403 before
 * 404), as everywhere in the API.
 */
@Component
public class CreditAccess {

    private final JdbcClient jdbc;

    CreditAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The org department, the cadre's own trainee account and the HR of the cadre's unit (or a unit above it). */
    public void requireLedgerReader(Actor actor, long cadreId) {
        if (!actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.UNIT_HR) && actor.cadreId() == null) {
            throw new AccessDeniedException("无权访问：学分档案仅对组织部门、本人及所在单位组织人事部门开放");
        }
        long unitId = unitOf(cadreId);
        if (actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD) || Objects.equals(actor.cadreId(), cadreId)
                || isUnitHrOf(actor, unitId)) {
            return;
        }
        throw new AccessDeniedException("无权访问：学分档案仅对组织部门、本人及所在单位组织人事部门开放");
    }

    /**
     * Who may record credits for a cadre (online courses, degree study): the org department, and the HR of the
     * cadre's unit (or a unit above it).
     */
    public void requireRecorder(Actor actor) {
        if (!actor.inAnyGroup(Groups.ORG_DEPT, Groups.UNIT_HR)) {
            throw new AccessDeniedException("无权访问：学分仅由组织部干教科或干部所在单位组织人事部门登记");
        }
    }

    /** Whether a recorder (see {@link #requireRecorder}) may record for a cadre of this unit. */
    public boolean mayRecordFor(Actor actor, long unitId) {
        return actor.inGroup(Groups.ORG_DEPT) || isUnitHrOf(actor, unitId);
    }

    /** Whether the actor is unit HR bound to this unit or to a unit above it. */
    public boolean isUnitHrOf(Actor actor, long unitId) {
        return actor.inGroup(Groups.UNIT_HR) && actor.unitId() != null && jdbc.sql("""
                WITH RECURSIVE up (id, parent_id) AS (
                    SELECT id, parent_id FROM unit WHERE id = ?
                    UNION ALL
                    SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id
                )
                SELECT COUNT(*) FROM up WHERE id = ?""").params(unitId, actor.unitId()).query(Integer.class).single() > 0;
    }

    /**
     * The units whose figures the actor may see: empty means every unit (org department, managers, approvers); unit
     * HR see their unit and the units below it; anybody else is refused.
     */
    public Set<Long> visibleUnits(Actor actor) {
        if (actor.seesAllUnits()) {
            return Set.of();
        }
        if (actor.inGroup(Groups.UNIT_HR) && actor.unitId() != null) {
            return Set.copyOf(jdbc.sql("""
                    WITH RECURSIVE down (id) AS (
                        SELECT id FROM unit WHERE id = ?
                        UNION ALL
                        SELECT u.id FROM unit u JOIN down ON u.parent_id = down.id
                    )
                    SELECT id FROM down""").param(actor.unitId()).query(Long.class).list());
        }
        throw new AccessDeniedException("无权访问：单位学分情况仅对组织部门、领导和本单位组织人事部门开放");
    }

    /** The cadre's unit. */
    public long unitOf(long cadreId) {
        return jdbc.sql("SELECT unit_id FROM cadre WHERE id = ?").param(cadreId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("干部不存在：" + cadreId));
    }
}
