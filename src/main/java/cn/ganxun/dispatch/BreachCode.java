package cn.ganxun.dispatch;

/** The dispatch rules a candidate can break, each with its rule id and severity. */
public enum BreachCode {
    /** R1: a retired cadre has left all training plans. */
    NOT_ACTIVE("R1", BreachSeverity.BLOCK),
    /** R9: a unit nominates only its own cadres for its quota seats. */
    OTHER_UNIT("R9", BreachSeverity.BLOCK),
    /** R10: a cadre is never in two classes at once. */
    DATE_OVERLAP("R10", BreachSeverity.BLOCK),
    /** R10: off-the-job training of a month or longer generally at most once per five years. */
    LONG_OFF_JOB_WITHIN_FIVE_YEARS("R10", BreachSeverity.OVERRIDABLE),
    /** R10: off-the-job training on the same topic generally at most once per year. */
    SAME_TOPIC_WITHIN_A_YEAR("R10", BreachSeverity.OVERRIDABLE),
    /** R10: the same unit must not be over-dispatched in one period. */
    UNIT_OVER_DISPATCHED("R10", BreachSeverity.WARNING);

    private final String ruleId;
    private final BreachSeverity severity;

    BreachCode(String ruleId, BreachSeverity severity) {
        this.ruleId = ruleId;
        this.severity = severity;
    }

    public String ruleId() {
        return ruleId;
    }

    public BreachSeverity severity() {
        return severity;
    }
}
