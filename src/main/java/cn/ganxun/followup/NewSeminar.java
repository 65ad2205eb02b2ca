package cn.ganxun.followup;

import java.time.LocalDate;

/** R26: a seminar to record: date, place, attendees and minutes. */
public record NewSeminar(LocalDate heldOn, String place, String attendees, String minutes) {
}
