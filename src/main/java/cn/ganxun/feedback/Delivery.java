package cn.ganxun.feedback;

import java.time.LocalDateTime;

/**
 * One line of the org department's delivery list: a report and one addressee with the outbox state of that mail
 * (PENDING before the first attempt), and the report's delivery job — retries left, its last error, and the incident
 * (for a Cockpit link) once its retries are spent. A report whose delivery has not registered its addressees yet has
 * one line without a recipient.
 */
public record Delivery(long reportId, long classId, String classNumber, String classTitle, long unitId, String unitName,
        FeedbackOccasion occasion, String occasionLabel, String recipient, String recipientRole,
        String recipientRoleLabel, String status, int attempts, String lastError, LocalDateTime lastAttemptAt,
        LocalDateTime sentAt, String processInstanceId, String jobId, Integer retriesLeft, String jobError,
        String incidentId) {
}
