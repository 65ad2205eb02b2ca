package cn.ganxun.attendance;

import java.time.LocalDateTime;

/** One row of the attendance history of a trainee in a session; the latest row is the current mark. */
public record MarkRecord(long id, long sessionId, long cadreId, Mark mark, MarkSource source, String reason,
        String recordedBy, LocalDateTime recordedAt) {
}
