package cn.ganxun.archive;

import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Who may read a cadre's archive and its form extracts: the org department (staff and head) and managers, the HR of the
 * cadre's unit or of a unit above it, and the cadre themself. Roles first (403), then existence (404), then the unit.
 */
@Component
class ArchiveAccess {

    private final JdbcClient jdbc;
    private final UnitRepository units;

    ArchiveAccess(JdbcClient jdbc, UnitRepository units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    void requireReader(Actor actor, long cadreId) {
        boolean everyUnit = actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER);
        boolean unitHr = actor.inGroup(Groups.UNIT_HR) && actor.unitId() != null;
        if (!everyUnit && !unitHr && actor.cadreId() == null) {
            throw new AccessDeniedException("无权访问：培训档案仅对组织部门、领导、本单位组织人事部门和干部本人开放");
        }
        Long unitId = jdbc.sql("SELECT unit_id FROM cadre WHERE id = ?").param(cadreId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("干部不存在：" + cadreId));
        if (everyUnit || Objects.equals(actor.cadreId(), cadreId)
                || unitHr && units.withSubUnits(actor.unitId()).contains(unitId)) {
            return;
        }
        throw new AccessDeniedException("无权访问：该干部不属于本单位");
    }

    void requireOrgDept(Actor actor) {
        if (!actor.inGroup(Groups.ORG_DEPT)) {
            throw new AccessDeniedException("无权访问：仅组织部干教科可修改能力图谱映射");
        }
    }

    void requireMappingReader(Actor actor) {
        if (!actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER)) {
            throw new AccessDeniedException("无权访问：能力图谱映射仅对组织部门和领导开放");
        }
    }
}
