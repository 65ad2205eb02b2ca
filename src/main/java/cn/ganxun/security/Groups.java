package cn.ganxun.security;

import java.util.List;
import java.util.Locale;

/** Camunda group ids, one per role of DOMAIN.md's actor table, plus the per-unit and per-institution groups. */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String ORG_DEPT = "org-dept";
    public static final String ORG_DEPT_HEAD = "org-dept-head";
    public static final String APPROVER = "approver";
    public static final String INSTITUTION = "institution";
    public static final String CLASS_TEACHER = "class-teacher";
    public static final String LECTURER = "lecturer";
    public static final String LIAISON = "liaison";
    public static final String UNIT_HR = "unit-hr";
    public static final String UNIT_LEADER = "unit-leader";
    public static final String TRAINEE = "trainee";
    public static final String FOLLOW_UP_TEAM = "follow-up-team";
    /** The follow-up team lead (跟踪问效小组组长): overdue unit visits escalate here (R27). */
    public static final String FOLLOW_UP_LEAD = "follow-up-lead";
    public static final String MANAGER = "manager";

    /** Role groups in the order the README lists them. */
    public static final List<String> ROLES = List.of(ORG_DEPT, ORG_DEPT_HEAD, APPROVER, INSTITUTION, CLASS_TEACHER,
            LECTURER, LIAISON, UNIT_HR, UNIT_LEADER, TRAINEE, FOLLOW_UP_TEAM, FOLLOW_UP_LEAD, MANAGER);

    private static final String UNIT_HR_PREFIX = UNIT_HR + "-";
    private static final String INSTITUTION_PREFIX = INSTITUTION + "-";

    private Groups() {
    }

    /** Candidate group of one unit's HR staff, so a unit never sees another unit's tasks. */
    public static String unitHr(String unitCode) {
        return UNIT_HR_PREFIX + unitCode.toLowerCase(Locale.ROOT);
    }

    /** Candidate group of one training institution's staff. */
    public static String institution(String institutionCode) {
        return INSTITUTION_PREFIX + institutionCode.toLowerCase(Locale.ROOT);
    }
}
