package cn.ganxun.followup;

import java.math.BigDecimal;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the post-training follow-up ({@code ganxun.follow-up.*}).
 *
 * @param sampleShare        R27: the share of a class's trainees drawn for unit visits (at least one per unit)
 * @param attachmentMaxBytes the largest file that may be attached to a visit
 * @param seminarWithin      R26: the seminar and the learning summaries are due this long after the class ended
 *                           (1 to 3 months)
 * @param summaryGrace       R26: missing summaries are chased at their due date; this long after it they are listed
 *                           as missing for the institution
 * @param visitsWithin       R27: the unit visits are due this long after the class ended: 1 to 12 whole months
 */
@ConfigurationProperties(prefix = "ganxun.follow-up")
public record FollowUpProperties(@DefaultValue("0.3") BigDecimal sampleShare,
        @DefaultValue("10485760") int attachmentMaxBytes,
        @DefaultValue("P2M") Period seminarWithin,
        @DefaultValue("P14D") Period summaryGrace,
        @DefaultValue("P10M") Period visitsWithin) {

    public FollowUpProperties {
        if (sampleShare.signum() <= 0 || sampleShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ganxun.follow-up.sample-share must be greater than 0 and at most 1");
        }
        if (sampleShare.scale() > 3) {
            throw new IllegalArgumentException("ganxun.follow-up.sample-share has at most three decimals");
        }
        if (attachmentMaxBytes <= 0) {
            throw new IllegalArgumentException("ganxun.follow-up.attachment-max-bytes must be positive");
        }
        if (months(seminarWithin) < 1 || months(seminarWithin) > 3 || seminarWithin.getDays() != 0) {
            throw new IllegalArgumentException("ganxun.follow-up.seminar-within must be 1 to 3 whole months (R26), e.g. P2M");
        }
        if (summaryGrace.isNegative() || summaryGrace.isZero()) {
            throw new IllegalArgumentException("ganxun.follow-up.summary-grace must be positive, e.g. P14D");
        }
        if (months(visitsWithin) < 1 || months(visitsWithin) > 12 || visitsWithin.getDays() != 0) {
            throw new IllegalArgumentException("ganxun.follow-up.visits-within must be 1 to 12 whole months (R27), e.g. P10M");
        }
    }

    private static long months(Period period) {
        return period.toTotalMonths();
    }
}
