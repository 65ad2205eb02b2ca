package cn.ganxun.followup;

import java.time.Instant;
import java.time.LocalDate;

/** R26: a follow-up seminar held by the institution. */
public record Seminar(long id, long followUpId, LocalDate heldOn, String place, String attendees, String minutes,
        String recordedBy, Instant recordedAt) {
}
