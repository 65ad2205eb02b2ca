package cn.ganxun.attendance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.AsApplication;
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
    private final IdentityService identityService;
    private final AsApplication asApplication;

    ClassStaff(JdbcClient jdbc, ClassFilingService classes, IdentityService identityService, AsApplication asApplication) {
        this.jdbc = jdbc;
        this.classes = classes;
        this.identityService = identityService;
        this.asApplication = asApplication;
    }

    /** The roles of class_staff and the Camunda group a user must belong to for each. */
    private static final Map<String, String> ROLE_GROUPS = Map.of(CLASS_TEACHER, Groups.CLASS_TEACHER,
            "LECTURER", Groups.LECTURER, "LIAISON", Groups.LIAISON);

    /**
     * Sets who works the class (R16, R19): class teachers, lecturers and liaison, each a user of the matching
     * Camunda group. The org department or the class's institution decides; each given role's list replaces
     * the old one; a role left out stays as it is.
     */
    @Transactional
    public void assign(long classId, Map<String, List<String>> usersByRole, Actor actor) {
        TrainingClass c = classes.find(classId);
        if (!actor.inAnyGroup(Groups.ORG_DEPT) && !actor.groups().contains(Groups.institution(c.institutionCode()))) {
            throw new AccessDeniedException("无权访问：只有组织部或本班培训机构可以安排班主任、任课教师和联络员");
        }
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        usersByRole.forEach((role, users) -> {
            String group = ROLE_GROUPS.get(role);
            if (group == null) {
                problems.add(new InvalidInputException.Problem("role", "未知的角色：" + role + "（应为 CLASS_TEACHER、LECTURER、LIAISON）"));
                return;
            }
            for (String user : users == null ? List.<String>of() : users) {
                if (!isMember(user, group)) {
                    problems.add(new InvalidInputException.Problem(role, "用户 " + user + " 不存在或不属于 " + group + " 组"));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        usersByRole.forEach((role, users) -> {
            jdbc.sql("DELETE FROM class_staff WHERE class_id = ? AND role = ?").params(classId, role).update();
            for (String user : new java.util.LinkedHashSet<>(users == null ? List.<String>of() : users)) {
                jdbc.sql("INSERT INTO class_staff (class_id, user_id, role) VALUES (?, ?, ?)").params(classId, user, role).update();
            }
        });
    }

    /**
     * Group membership, looked up as the application: the caller's own engine authorizations (which need not
     * include reading other users) must not hide a valid colleague.
     */
    private boolean isMember(String userId, String groupId) {
        return asApplication.call(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
    }

    /** Everybody on the class's staff, by role. */
    public Map<String, List<String>> staff(long classId) {
        Map<String, List<String>> staff = new java.util.TreeMap<>();
        jdbc.sql("SELECT role, user_id FROM class_staff WHERE class_id = ? ORDER BY role, user_id").param(classId)
                .query((rs, n) -> Map.entry(rs.getString("role"), rs.getString("user_id"))).list()
                .forEach(e -> staff.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return staff;
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
