package cn.ganxun.classdossier;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Who sees which classes on the portal. The org department, its head, approvers, managers and administrators see
 * every class and every trainee; an institution its own classes; the class teachers, lecturers and liaisons the classes
 * whose staff they are (class_staff); the follow-up team and its lead the classes with a follow-up (as
 * FollowUpAccess lets them read every follow-up); unit HR and unit leaders the classes with trainees of their unit (or a unit below
 * it), and in the trainee sections (roster, attendance, assessment, certificates, follow-up, feedback) only those
 * trainees — the others are left out and counted as {@code hiddenTrainees}. Everybody else gets 403.
 */
@Component
class ClassAccess {

    static final String DENIED = "无权访问：班次信息仅对组织部门、审批人、管理者、承办机构、本班工作人员、跟踪问效小组及学员所在单位开放";

    private final UnitRepository units;

    ClassAccess(UnitRepository units) {
        this.units = units;
    }

    /** What one actor may see: everything, or the union of the scopes their roles give. */
    record Scope(boolean all, Long institutionId, String staffUserId, boolean followUps, Set<Long> unitIds) {

        /** The units whose trainees the actor sees; empty = every trainee. */
        Optional<Set<Long>> traineeUnits(boolean wholeClass) {
            return all || wholeClass ? Optional.empty() : Optional.of(unitIds);
        }

        /** SQL condition on class {@code k} (named parameters prefixed {@code scope}), "1 = 1" for everything. */
        String condition(Map<String, Object> params) {
            if (all) {
                return "1 = 1";
            }
            StringBuilder or = new StringBuilder("(1 = 0");
            if (institutionId != null) {
                or.append(" OR k.institution_id = :scopeInstitution");
                params.put("scopeInstitution", institutionId);
            }
            if (staffUserId != null) {
                or.append(" OR EXISTS (SELECT 1 FROM class_staff sf WHERE sf.class_id = k.id AND sf.user_id = :scopeUser)");
                params.put("scopeUser", staffUserId);
            }
            if (followUps) {
                or.append(" OR EXISTS (SELECT 1 FROM follow_up fu WHERE fu.class_id = k.id)");
            }
            if (unitIds != null) {
                or.append(" OR ").append(ClassQueries.traineeOfUnits("k", "scopeUnits"));
                params.put("scopeUnits", unitIds);
            }
            return or.append(")").toString();
        }
    }

    /** The actor's scope, or 403 when no role of theirs opens the class pages. */
    Scope scope(Actor actor) {
        if (actor.seesAllUnits() || actor.isAdmin()) {
            return new Scope(true, null, null, false, null);
        }
        Long institution = actor.groups().contains(Groups.INSTITUTION) ? actor.institutionId() : null;
        String staff = actor.groups().contains(Groups.CLASS_TEACHER) || actor.groups().contains(Groups.LECTURER)
                || actor.groups().contains(Groups.LIAISON) ? actor.userId() : null;
        Set<Long> unitIds = (actor.groups().contains(Groups.UNIT_HR) || actor.groups().contains(Groups.UNIT_LEADER))
                && actor.unitId() != null ? units.withSubUnits(actor.unitId()) : null;
        boolean followUps = actor.groups().contains(Groups.FOLLOW_UP_TEAM) || actor.groups().contains(Groups.FOLLOW_UP_LEAD);
        if (institution == null && staff == null && !followUps && unitIds == null) {
            throw new AccessDeniedException(DENIED);
        }
        return new Scope(false, institution, staff, followUps, unitIds);
    }

    /** A unit HR / unit leader asking for a unit outside their own tree gets 403 (never a silently empty list). */
    void requireUnitFilter(Scope scope, long unitId) {
        if (scope.unitIds() != null && !scope.unitIds().contains(unitId)) {
            throw new AccessDeniedException("无权访问：只能查看本单位的班次");
        }
    }

    /** An institution (without another scope) asking for another institution's classes gets 403. */
    void requireInstitutionFilter(Scope scope, long institutionId) {
        if (scope.institutionId() != null && scope.institutionId() != institutionId && scope.unitIds() == null
                && scope.staffUserId() == null && !scope.followUps()) {
            throw new AccessDeniedException("无权访问：只能查看本机构的班次");
        }
    }
}
