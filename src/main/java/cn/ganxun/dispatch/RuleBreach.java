package cn.ganxun.dispatch;

import java.util.Objects;

/**
 * One dispatch rule (R1, R9, R10) that a candidate breaks for a class.
 *
 * @param ruleId           the rule id, "R1", "R9" or "R10"
 * @param overridable      true when an authorised override with a recorded reason lets the dispatch go ahead
 * @param message          what is wrong, in Chinese, naming the conflicting record
 * @param conflictingClass the class on the cadre's record that conflicts, or null when the breach is not about one
 */
public record RuleBreach(String ruleId, BreachCode code, boolean overridable, BreachSeverity severity, String message,
        ConflictingClass conflictingClass) {

    public RuleBreach {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The breach with the rule id and severity that belong to its code. */
    static RuleBreach of(BreachCode code, String message, ConflictingClass conflictingClass) {
        return new RuleBreach(code.ruleId(), code, code.severity() == BreachSeverity.OVERRIDABLE, code.severity(),
                message, conflictingClass);
    }
}
