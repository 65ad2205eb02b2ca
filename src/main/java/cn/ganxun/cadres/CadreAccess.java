package cn.ganxun.cadres;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Who may see and change registry data. Org department staff, approvers, managers and admins see every unit;
 * unit HR and the unit's principal leader see their own unit and the units below it (a district's HR also see its
 * towns; reading only: changes stay with the roles that make them); a cadre sees their
 * own record (coverage and the other capabilities use the same rule). Only org department staff (and admins) import cadres and record life events.
 */
@Component
public class CadreAccess {

    private final UnitRepository units;

    CadreAccess(UnitRepository units) {
        this.units = units;
    }

    /** The units whose cadres the actor may list; empty means every unit. */
    public Optional<Set<Long>> visibleUnits(Actor actor) {
        if (actor.seesAllUnits()) {
            return Optional.empty();
        }
        if (actor.inAnyGroup(Groups.UNIT_HR, Groups.UNIT_LEADER) && actor.unitId() != null) {
            return Optional.of(units.withSubUnits(actor.unitId()));
        }
        throw new AccessDeniedException("无权访问：干部信息仅对组织部门、本单位组织人事部门和主要负责人开放");
    }

    public void requireVisible(Actor actor, Cadre cadre) {
        if (Objects.equals(actor.cadreId(), cadre.id())) {
            return;
        }
        visibleUnits(actor).filter(ids -> !ids.contains(cadre.profile().unitId())).ifPresent(ids -> {
            throw new AccessDeniedException("无权访问：该干部不属于本单位");
        });
    }

    void requireRegistrar(Actor actor) {
        if (!actor.inGroup(Groups.ORG_DEPT)) {
            throw new AccessDeniedException("无权访问：仅组织部干教科可导入干部信息和登记干部变动");
        }
    }
}
