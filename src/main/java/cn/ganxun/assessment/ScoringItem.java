package cn.ganxun.assessment;

import java.math.BigDecimal;

/**
 * One item of a class's 4+1 scheme (R18): an aspect of a regular block, or a bonus item.
 *
 * @param block     STUDY_DISCIPLINE, CLASS_MANAGEMENT, CLASSROOM, CAPACITY or BONUS
 * @param code      unique in the class, e.g. ATTENDANCE
 * @param maxPoints the most the item gives; the regular aspects sum to 100, bonus items add on top
 */
public record ScoringItem(String block, String code, String name, BigDecimal maxPoints) {

    public boolean bonus() {
        return ScoringScheme.BONUS.equals(block);
    }

    /** Computed from attendance, not typed by the class teacher. */
    public boolean computed() {
        return ScoringScheme.ATTENDANCE.equals(code);
    }
}
