package cn.ganxun.dispatch;

import java.time.LocalDateTime;

/**
 * What the human steps of a named mandate need: the candidate group of the cadre's unit HR, the confirmation
 * deadline and the reminder time before it, and whether the cadre is an approved substitute (chosen by the unit).
 */
public record MandateTasks(String unitHrGroup, LocalDateTime deadline, LocalDateTime reminderDate, boolean substituted) {
}
