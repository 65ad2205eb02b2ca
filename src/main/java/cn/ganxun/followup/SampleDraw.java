package cn.ganxun.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One random draw of trainees for unit visits (R27): seed, share and population size as stored, the sample in the
 * order it was taken; {@code reason} is set on a redraw.
 */
public record SampleDraw(long id, long followUpId, int drawNo, long seed, BigDecimal share, int populationSize,
        List<SampledTrainee> sample, String reason, String drawnBy, Instant drawnAt, boolean confirmed) {
}
