package cn.ganxun.dispatch;

import java.math.BigDecimal;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dispatch rules ({@code ganxun.dispatch.*}).
 *
 * @param overDispatchPeriod   R10 over-dispatch: how far before a class's start the unit's off-the-job
 *                             enrollments count (the period is [start − this, end]); e.g. {@code 90d}
 * @param overDispatchMaxShare R10 over-dispatch: the largest share (0…1) of a unit's active cadres that may be away
 *                             on off-the-job training in that period
 */
@ConfigurationProperties(prefix = "ganxun.dispatch")
record DispatchProperties(@DefaultValue("90d") Period overDispatchPeriod,
        @DefaultValue("0.2") BigDecimal overDispatchMaxShare) {

    DispatchProperties {
        if (overDispatchPeriod.isNegative()) {
            throw new IllegalArgumentException("ganxun.dispatch.over-dispatch-period must not be negative");
        }
        if (overDispatchMaxShare.signum() < 0 || overDispatchMaxShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ganxun.dispatch.over-dispatch-max-share must be between 0 and 1");
        }
    }
}
