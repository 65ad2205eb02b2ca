package cn.ganxun.classes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A training class as stored: filing data plus where it stands. */
public record TrainingClass(
        long id,
        String classNumber,
        String title,
        long institutionId,
        String institutionCode,
        String institutionName,
        ClassType classType,
        String topic,
        LocalDate startDate,
        LocalDate endDate,
        boolean offJob,
        int plannedParticipants,
        DispatchMode dispatchMode,
        BigDecimal totalHours,
        ClassStatus status,
        int revision,
        String filedBy,
        LocalDateTime filedAt,
        String lateFilingOverride,
        String processInstanceId) {
}
