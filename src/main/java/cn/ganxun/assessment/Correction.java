package cn.ganxun.assessment;

import java.math.BigDecimal;

/**
 * A correction of one recorded score in the organiser's review: the trainee, the rater (kind, and the rater's user
 * id — or the rating classmate's cadre number for PEER — when the kind has more than one rater), the item, the new
 * points and the reason (required, kept in {@code score_correction}).
 */
public record Correction(String cadreNumber, RaterKind raterKind, String rater, String item, BigDecimal newPoints,
        String reason) {
}
