package cn.ganxun.followup;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the unit visits ({@code ganxun.follow-up.*}).
 *
 * @param sampleShare        R27: the share of a class's trainees drawn for unit visits (at least one per unit)
 * @param attachmentMaxBytes the largest file that may be attached to a visit
 */
@ConfigurationProperties(prefix = "ganxun.follow-up")
public record VisitProperties(@DefaultValue("0.3") BigDecimal sampleShare,
        @DefaultValue("10485760") int attachmentMaxBytes) {

    public VisitProperties {
        if (sampleShare.signum() <= 0 || sampleShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ganxun.follow-up.sample-share must be greater than 0 and at most 1");
        }
        if (sampleShare.scale() > 3) {
            throw new IllegalArgumentException("ganxun.follow-up.sample-share has at most three decimals");
        }
        if (attachmentMaxBytes <= 0) {
            throw new IllegalArgumentException("ganxun.follow-up.attachment-max-bytes must be positive");
        }
    }
}
