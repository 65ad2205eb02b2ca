package cn.ganxun.followup;

import java.time.LocalDate;
import java.util.Date;

import org.springframework.stereotype.Component;

import cn.ganxun.platform.EngineClock;

/**
 * The dates of {@code follow-up}'s timers and task due dates, for the model's expressions (e.g.
 * {@code ${followUpSchedule.endsAt(execution.processInstanceId)}}): read from the follow-up's row each time, never from
 * a process variable that a task's submitter could overwrite. Each falls at the end of the working day
 * ({@link FollowUp#END_OF_DAY}).
 */
@Component("followUpSchedule")
public class FollowUpSchedule {

    private final FollowUpService followUps;
    private final HalfYearReportService reports;

    FollowUpSchedule(FollowUpService followUps, HalfYearReportService reports) {
        this.followUps = followUps;
        this.reports = reports;
    }

    /** R26: the seminar's due date. */
    public Date seminarDue(String processInstanceId) {
        return endOfDay(followUps.ofProcess(processInstanceId).seminarDueOn());
    }

    /** R26: the learning summaries are due (and chased) then. */
    public Date summariesDue(String processInstanceId) {
        return endOfDay(followUps.ofProcess(processInstanceId).summariesDueOn());
    }

    /** R26: summaries still due are listed as missing then. */
    public Date summariesMissing(String processInstanceId) {
        return endOfDay(followUps.missingListedOn(followUps.ofProcess(processInstanceId)));
    }

    /** R27: the unit visits are due then; later they escalate. */
    public Date visitsDue(String processInstanceId) {
        return endOfDay(followUps.ofProcess(processInstanceId).visitsDueOn());
    }

    /** R24: the follow-up ends then. */
    public Date endsAt(String processInstanceId) {
        return endOfDay(followUps.ofProcess(processInstanceId).endsOn());
    }

    /** R28: the end of the next report period, the one after the last drafted report. */
    public Date nextReportDue(String processInstanceId) {
        FollowUp followUp = followUps.ofProcess(processInstanceId);
        return endOfDay(followUp.periodEndsOn(reports.nextPeriod(followUp.id())));
    }

    private static Date endOfDay(LocalDate day) {
        return EngineClock.toDate(day.atTime(FollowUp.END_OF_DAY));
    }
}
