package cn.ganxun.dispatch;

import java.time.LocalDate;

/** The class on a candidate's record that a dispatch rule (R10) finds in conflict with the target class. */
public record ConflictingClass(long id, String classNumber, String title, LocalDate startDate, LocalDate endDate) {
}
