package cn.ganxun.survey;

import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Who may do what with needs surveys: the org department designs questionnaires, launches and schedules surveys and
 * reads everything; managers, the org department head and institutions (R38: they renew their projects from it) read
 * reports; unit HR read the response rates of their own unit and the units below it; a cadre answers through the
 * trainee account bound to them. Nobody can read an individual's answers: there is no such link.
 */
@Component
class SurveyAccess {

    private final UnitRepository units;

    SurveyAccess(UnitRepository units) {
        this.units = units;
    }

    void requireDesigner(Actor actor) {
        if (!actor.inGroup(Groups.ORG_DEPT)) {
            throw new AccessDeniedException("无权访问：仅组织部干教科可设计问卷、发起和安排需求调研");
        }
    }

    void requireReportReader(Actor actor) {
        if (!actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER, Groups.INSTITUTION)) {
            throw new AccessDeniedException("无权访问：调研报告仅对组织部门、领导和培训机构开放");
        }
    }

    /** Org department staff and managers see every unit's rates; unit HR their own subtree only; null = every unit. */
    Long rateScope(Actor actor) {
        if (actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER)) {
            return null;
        }
        if (actor.inGroup(Groups.UNIT_HR) && actor.unitId() != null) {
            return actor.unitId();
        }
        throw new AccessDeniedException("无权访问：答卷情况仅对组织部门和对象单位组织人事部门开放");
    }

    /** Survey lists: org department and managers. */
    void requireSurveyReader(Actor actor) {
        if (!actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER)) {
            throw new AccessDeniedException("无权访问：调研列表仅对组织部门和领导开放");
        }
    }

    /** Unit HR only for a survey that reaches their unit (given the unit ids the survey reaches). */
    void requireReached(Long scopeUnitId, Set<Long> reached) {
        if (scopeUnitId != null && units.withSubUnits(scopeUnitId).stream().noneMatch(reached::contains)) {
            throw new AccessDeniedException("无权访问：本单位不在该调研的对象单位内");
        }
    }

    /** The cadre answering: the trainee account's bound cadre. */
    long respondent(Actor actor) {
        if (!actor.inGroup(Groups.TRAINEE) || actor.cadreId() == null) {
            throw new AccessDeniedException("无权访问：请使用与本人干部信息绑定的学员账号填写问卷");
        }
        return actor.cadreId();
    }
}
