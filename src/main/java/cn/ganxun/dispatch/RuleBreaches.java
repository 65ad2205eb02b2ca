package cn.ganxun.dispatch;

import java.util.Collection;

/**
 * What one candidate's breaches (from {@link DispatchRules}) mean for the nomination: blocked, allowed only with
 * an override, or allowed (perhaps with warnings).
 */
public final class RuleBreaches {

    private RuleBreaches() {
    }

    /** True when a breach blocks the dispatch outright (R1, R9, overlapping dates of R10). */
    public static boolean blocks(Collection<RuleBreach> breaches) {
        return breaches.stream().anyMatch(b -> b.severity() == BreachSeverity.BLOCK);
    }

    /**
     * True when nothing blocks but a "generally" rule of R10 is broken: the dispatch needs an authorised person's
     * override with a recorded reason.
     */
    public static boolean needsOverride(Collection<RuleBreach> breaches) {
        return !blocks(breaches) && breaches.stream().anyMatch(RuleBreach::overridable);
    }
}
