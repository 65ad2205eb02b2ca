package cn.ganxun.survey;

import java.time.LocalDate;

/** A survey: a questionnaire sent to units for a period (SCHEDULED before it opens, then OPEN, then CLOSED). */
public record NeedsSurvey(long id, long questionnaireId, String title, LocalDate opensOn, LocalDate closesOn, String status,
        Long scheduleId, String createdBy) {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    /** The business key of the survey's process instance. */
    public String number() {
        return "NS" + id;
    }
}
