package cn.ganxun.attendance;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Who works a class (table {@code class_staff}) and what that allows in attendance and leave (R16). Also used in
 * process expressions: {@code ${classStaff.classTeachers(classId)}} gives a task's candidate users.
 */
@Component("classStaff")
public class ClassStaff {

    static final String CLASS_TEACHER = "CLASS_TEACHER";

    private final JdbcClient jdbc;
    private final ClassFilingService classes;

    ClassStaff(JdbcClient jdbc, ClassFilingService classes) {
        this.jdbc = jdbc;
        this.classes = classes;
    }

    /** The user ids of the class's class teachers. */
    public List<String> classTeacherIds(long classId) {
        return jdbc.sql("SELECT user_id FROM class_staff WHERE class_id = ? AND role = ? ORDER BY user_id")
                .params(classId, CLASS_TEACHER).query(String.class).list();
    }

    /** The class teachers as Camunda candidate users: a comma-separated list of user ids. */
    public String classTeachers(Long classId) {
        return String.join(",", classTeacherIds(classId));
    }

    public boolean isClassTeacher(long classId, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM class_staff WHERE class_id = ? AND user_id = ? AND role = ?")
                .params(classId, userId, CLASS_TEACHER).query(Long.class).single() > 0;
    }

    /** The class's own class teachers, the org department and administrators keep the class's attendance. */
    public void requireWriter(long classId, Actor actor) {
        if (!mayWrite(classId, actor)) {
            throw new AccessDeniedException("无权访问：只有本班班主任或组织部可以登记考勤");
        }
    }

    /** Writers, and the staff of the class's institution, read the class's attendance. */
    public void requireReader(long classId, Actor actor) {
        if (mayWrite(classId, actor)) {
            return;
        }
        TrainingClass c = classes.find(classId);
        boolean ownInstitution = actor.groups().contains(Groups.institution(c.institutionCode()))
                || (actor.groups().contains(Groups.INSTITUTION) && actor.institutionId() != null
                        && actor.institutionId() == c.institutionId());
        if (!ownInstitution) {
            throw new AccessDeniedException("无权访问：只有本班班主任、培训机构或组织部可以查看考勤");
        }
    }

    private boolean mayWrite(long classId, Actor actor) {
        return actor.inAnyGroup(Groups.ORG_DEPT) || isClassTeacher(classId, actor.userId());
    }
}
