package cn.ganxun.followup;

import java.time.Instant;
import java.time.LocalDate;

/** R28: the institution's feedback report for one six-month period of a follow-up: DRAFT, then PUBLISHED. */
public record HalfYearReport(long id, long followUpId, int periodNo, LocalDate periodEndsOn, String status,
        String remarks, Instant draftedAt, String publishedBy, Instant publishedAt) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    public boolean published() {
        return PUBLISHED.equals(status);
    }
}
