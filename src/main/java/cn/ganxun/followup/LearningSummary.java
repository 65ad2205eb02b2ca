package cn.ganxun.followup;

import java.time.Instant;

/**
 * R26: a trainee's learning summary after the class: DUE, SUBMITTED, or MISSING once the grace period after the
 * chase has passed. The content is not part of this view.
 */
public record LearningSummary(long id, long followUpId, long cadreId, String cadreNumber, String cadreName,
        String unitName, String status, String writtenBy, Instant submittedAt, Instant chasedAt) {

    public static final String DUE = "DUE";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String MISSING = "MISSING";
}
