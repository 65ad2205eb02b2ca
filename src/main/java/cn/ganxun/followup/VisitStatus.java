package cn.ganxun.followup;

/** A unit visit's state (R27): due, done (at least one interview logged), or missed when the follow-up closed first. */
public enum VisitStatus {
    DUE("待走访"),
    DONE("已走访"),
    MISSED("未走访");

    private final String label;

    VisitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
