package cn.ganxun.security;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;

/**
 * An authenticated user with the Camunda groups and the unit / institution / cadre they are bound to.
 */
public record Actor(String userId, List<String> groups, Long unitId, Long institutionId, Long cadreId) {

    /** The user id recorded when no person acted (a timer, or a step the application ran itself). */
    public static final String SYSTEM = "system";

    public boolean isAdmin() {
        return groups.contains(Groups.ADMIN);
    }

    public boolean inGroup(String group) {
        return isAdmin() || groups.contains(group);
    }

    public boolean inAnyGroup(String... candidates) {
        for (String group : candidates) {
            if (inGroup(group)) {
                return true;
            }
        }
        return false;
    }

    /** Org department staff, approvers and managers see every unit; everybody else only their own. */
    public boolean seesAllUnits() {
        return inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.APPROVER, Groups.MANAGER);
    }

    public void requireAnyGroup(String... candidates) {
        if (!inAnyGroup(candidates)) {
            throw new AccessDeniedException("无权访问：需要角色 " + String.join(" / ", candidates));
        }
    }
}
