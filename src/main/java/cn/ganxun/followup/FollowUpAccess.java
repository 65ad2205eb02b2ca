package cn.ganxun.followup;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Who may see and work a follow-up: the follow-up team and its lead read everything and work the sample and the unit
 * visits; the org department and managers read; the class's own institution reads and records seminars; nobody else
 * (unit HR, trainees, other institutions). A redraw is the lead's decision; the follow-up plan (R24) the org
 * department's.
 */
@Component
class FollowUpAccess {

    private final JdbcClient jdbc;

    FollowUpAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void requireReader(Actor actor, long followUpId) {
        requireReader(actor, () -> institutionOf(followUpId));
    }

    /** The class's follow-up page: by the class's institution (404 for a class that does not exist). */
    void requireClassReader(Actor actor, long classId) {
        requireReader(actor, () -> jdbc.sql("SELECT institution_id FROM training_class WHERE id = ?").param(classId)
                .query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("培训班不存在：" + classId)));
    }

    void requireReportReader(Actor actor, long reportId) {
        requireReader(actor, () -> jdbc.sql("""
                SELECT k.institution_id FROM half_year_report r JOIN follow_up f ON f.id = r.follow_up_id
                  JOIN training_class k ON k.id = f.class_id WHERE r.id = ?""")
                .param(reportId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("半年反馈报告不存在：" + reportId)));
    }

    void requireVisitReader(Actor actor, long visitId) {
        requireReader(actor, () -> jdbc.sql("""
                SELECT k.institution_id FROM unit_visit v JOIN follow_up f ON f.id = v.follow_up_id
                  JOIN training_class k ON k.id = f.class_id WHERE v.id = ?""")
                .param(visitId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("走访记录不存在：" + visitId)));
    }

    /** Roles first (403 without revealing whether the record exists), then the record (404), then the institution. */
    private void requireReader(Actor actor, Supplier<Long> classInstitution) {
        if (actor.inAnyGroup(Groups.FOLLOW_UP_TEAM, Groups.FOLLOW_UP_LEAD, Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD,
                Groups.MANAGER)) {
            classInstitution.get();
            return;
        }
        if (actor.inGroup(Groups.INSTITUTION) && actor.institutionId() != null
                && Objects.equals(actor.institutionId(), classInstitution.get())) {
            return;
        }
        throw new AccessDeniedException("无权访问：仅跟踪问效小组、组织部门、管理人员及本班承办机构可查看训后跟踪、抽样与走访");
    }

    /** The class's own institution, or the org department (recording on its behalf). */
    void requireSeminarRecorder(Actor actor, long followUpId) {
        requireReader(actor, followUpId);
        if (!actor.inGroup(Groups.ORG_DEPT)
                && !(actor.inGroup(Groups.INSTITUTION) && Objects.equals(actor.institutionId(), institutionOf(followUpId)))) {
            throw new AccessDeniedException("无权访问：训后座谈会由本班承办机构或组织部门登记（R26）");
        }
    }

    void requirePlanner(Actor actor) {
        if (!actor.inGroup(Groups.ORG_DEPT)) {
            throw new AccessDeniedException("无权访问：训后跟踪期限由组织部门设置（R24）");
        }
    }

    void requireTeam(Actor actor) {
        if (!actor.inAnyGroup(Groups.FOLLOW_UP_TEAM, Groups.FOLLOW_UP_LEAD)) {
            throw new AccessDeniedException("无权访问：仅跟踪问效小组可登记走访、访谈与附件");
        }
    }

    void requireLead(Actor actor) {
        if (!actor.inGroup(Groups.FOLLOW_UP_LEAD)) {
            throw new AccessDeniedException("无权访问：重新抽样须由跟踪问效小组组长决定（R27）");
        }
    }

    private Long institutionOf(long followUpId) {
        return jdbc.sql("""
                SELECT k.institution_id FROM follow_up f JOIN training_class k ON k.id = f.class_id WHERE f.id = ?""")
                .param(followUpId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("跟踪问效不存在：" + followUpId));
    }
}
