package cn.ganxun.dashboard;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.ganxun.cadres.CadreAccess;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Who sees which dashboard figures. The org department (staff and head), approvers, managers and administrators see
 * every unit; unit HR and unit principal leaders see the same figures limited to their unit and the units below it
 * (asking for another unit is 403, never a silently filtered answer). Class filings belong to no unit, so the
 * approvals figure is for the all-units roles only; failed deliveries and incidents are operations, for the groups
 * that also watch Cockpit (org department, its head, managers, administrators).
 */
@Component
class DashboardAccess {

    private final UnitRepository units;
    private final CadreAccess cadres;

    DashboardAccess(UnitRepository units, CadreAccess cadres) {
        this.units = units;
        this.cadres = cadres;
    }

    /**
     * The units whose figures are asked for: {@code unitId} with its sub-units, or all the actor may see
     * ({@code visible}, from {@link #visibleUnits}; empty = every unit) when blank. The unit must exist (400) and lie
     * in the visible tree (403).
     */
    Optional<Set<Long>> units(Optional<Set<Long>> visible, Long unitId) {
        if (unitId == null) {
            return visible;
        }
        // scope before existence: a unit user learns nothing about units outside their tree
        if (visible.isPresent() && !visible.get().contains(unitId)) {
            throw new AccessDeniedException("无权访问：只能查看本单位及下级单位的统计");
        }
        units.findById(unitId).orElseThrow(() -> InvalidInputException.of("unitId", "单位 unitId 不存在：" + unitId));
        return Optional.of(units.withSubUnits(unitId));
    }

    /** Every unit for the all-units roles, the own unit tree for unit HR and unit leaders (the registry's rule). */
    Optional<Set<Long>> visibleUnits(Actor actor) {
        return cadres.visibleUnits(actor);
    }

    /** Class filings are nobody's unit: the all-units roles only. */
    void requireAllUnits(Actor actor) {
        if (!actor.seesAllUnits()) {
            throw new AccessDeniedException("无权访问：办班审批统计仅对组织部门、审批人和管理者开放");
        }
    }

    /** Failed deliveries and incidents: the groups that also watch Cockpit. */
    void requireOperations(Actor actor) {
        if (!actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER)) {
            throw new AccessDeniedException("无权访问：发送失败和流程异常仅对组织部门、管理者和系统管理员开放");
        }
    }
}
