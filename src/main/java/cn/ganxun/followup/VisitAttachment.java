package cn.ganxun.followup;

import java.time.Instant;

/** A file attached to a unit visit (scanned notes, questionnaires); the content is downloaded separately. */
public record VisitAttachment(long id, long visitId, String fileName, String contentType, int sizeBytes,
        String uploadedBy, Instant uploadedAt) {
}
