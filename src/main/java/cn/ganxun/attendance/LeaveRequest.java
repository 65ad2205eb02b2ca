package cn.ganxun.attendance;

import java.time.LocalDateTime;

/** A trainee's leave request (请假) in a class, and where it stands: REQUESTED, APPROVED, REFUSED, REPORTED_BACK. */
public record LeaveRequest(long id, long classId, long cadreId, LocalDateTime startsAt, LocalDateTime endsAt,
        String reason, String status, String decidedBy, String decisionNote, LocalDateTime reportedBackAt) {
}
