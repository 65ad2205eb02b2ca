package cn.ganxun.classes;

/** One hit of filing-rules.dmn for a filing: the rule, what it found, what follows, and a Chinese message. */
public record FilingFinding(String ruleId, String finding, Consequence consequence, String message) {

    /** What a finding means for the filing's route (the consequence column of filing-rules.dmn). */
    public enum Consequence {
        /** Recorded (备案) without approval. */
        RECORD,
        /** Goes to the approver. */
        REVIEW,
        /** Goes to the approver, who must override it with a recorded reason. */
        OVERRIDE,
        /** Sent back to the institution. */
        RETURN
    }
}
