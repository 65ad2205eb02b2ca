package cn.ganxun.classdossier;

/**
 * A trainee of a class on the portal's roster: how they came (NAMED mandate or QUOTA allocation, null when enrolled
 * directly), whether their nomination is active (and waits for an R10 override), and the enrollment's status and grade.
 */
record RosterEntry(long cadreId, String cadreNumber, String name, long unitId, String unitName, String route,
        Long mandateId, Long allocationId, boolean nominated, boolean needsOverride, String enrollmentStatus,
        String grade) {
}
