package cn.ganxun.followup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * One class's post-training follow-up (跟踪问效, R24–R29) with its dates: it runs from the class's last day for
 * {@code years} years; the seminar and the learning summaries are due within 1–3 months (R26), the unit visits within
 * the first year (R27).
 */
public record FollowUp(long id, long classId, String classNumber, String classTitle, long institutionId,
        String institutionCode, String institutionName, FollowUpKind kind, int years, LocalDate startsOn,
        LocalDate endsOn, LocalDate seminarDueOn, LocalDate summariesDueOn, LocalDate visitsDueOn, String status,
        LocalDateTime openedAt, LocalDateTime closedAt) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    /** Due dates and the follow-up's timers fall at the end of the working day. */
    public static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

    public boolean open() {
        return OPEN.equals(status);
    }

    /** R28: one report every six months, the last one at the end of the follow-up. */
    public int reportPeriods() {
        return 2 * years;
    }

    /** R28: the last day of report period {@code periodNo} (1-based). */
    public LocalDate periodEndsOn(int periodNo) {
        return startsOn.plusMonths(6L * periodNo);
    }
}
