package cn.ganxun.classdossier;

import java.time.LocalDate;

/** One class as the portal lists it, with its derived stage. */
record ClassRow(long id, String classNumber, String title, long institutionId, String institutionName, String classType,
        LocalDate startDate, LocalDate endDate, int plannedParticipants, long enrolled, ClassStage stage,
        String filingProcessInstanceId) {
}
