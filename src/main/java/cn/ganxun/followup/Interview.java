package cn.ganxun.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A logged interview of a unit visit with its indicator scores. */
public record Interview(long id, long visitId, LocalDate heldOn, InterviewMethod method, Set<Interviewee> interviewees,
        String findings, List<Score> scores, String recordedBy, Instant recordedAt) {

    /** R29: one indicator score by one source. */
    public record Score(String indicatorCode, ScoreSource source, BigDecimal score) {
    }
}
