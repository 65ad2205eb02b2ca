package cn.ganxun.classes;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the filing rules said about one revision: where it goes, whether it is late (R13), and when the
 * approver's review is due and is to be reminded.
 */
public record FilingCheck(ClassFilingProcess.Outcome outcome, boolean lateFiling, long daysBeforeStart,
        List<FilingFinding> findings, LocalDateTime reviewDue, LocalDateTime reviewReminder) {
}
