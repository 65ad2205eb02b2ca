package cn.ganxun.feedback;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One unit's feedback report of one class and occasion (R30), with the class, unit and leader it concerns. */
public record FeedbackReport(long id, long classId, String classNumber, String classTitle, String institutionName,
        LocalDate startDate, LocalDate endDate, long unitId, String unitCode, String unitName, String leaderName,
        String leaderEmail, FeedbackOccasion occasion, int traineeCount, LocalDateTime createdAt,
        String processInstanceId) {
}
