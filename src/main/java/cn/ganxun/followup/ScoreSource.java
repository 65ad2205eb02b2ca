package cn.ganxun.followup;

/** R29: the post-evaluation combines the trainee's own view, colleagues, the unit leader and the public. */
public enum ScoreSource {
    SELF("自评"),
    COLLEAGUES("同事评价"),
    UNIT_LEADER("单位领导评价"),
    PUBLIC("群众评价");

    private final String label;

    ScoreSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
