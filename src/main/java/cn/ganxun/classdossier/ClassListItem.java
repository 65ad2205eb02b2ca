package cn.ganxun.classdossier;

import java.time.LocalDate;

/** An item of {@code GET /api/portal/classes}: the class, its stage and the process instance to open in Cockpit. */
record ClassListItem(long id, String classNumber, String title, long institutionId, String institution,
        String classType, String classTypeLabel, LocalDate startDate, LocalDate endDate, int plannedParticipants,
        long enrolled, String stage, String stageLabel, String processInstanceId) {
}
