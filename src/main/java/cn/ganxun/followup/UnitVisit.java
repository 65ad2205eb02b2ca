package cn.ganxun.followup;

import java.time.Instant;
import java.time.LocalDate;

/** A unit visit to a sampled trainee (R27), with the number of interviews logged so far. */
public record UnitVisit(long id, long followUpId, long classId, long cadreId, String cadreName, String unitName,
        TraineeLevel traineeLevel, VisitStatus status, LocalDate dueOn, Instant escalatedAt, Instant doneAt,
        int interviews) {
}
