package cn.ganxun.followup;

/** R24: how long a class's trainees are followed up — regular classes one year, pilot and key classes 1 to 3 years. */
public enum FollowUpKind {
    REGULAR("常规班次"),
    PILOT("试点班次"),
    KEY("重点班次");

    private final String label;

    FollowUpKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** R24: the follow-up lengths (in years) this kind of class may have. */
    public boolean allows(int years) {
        return this == REGULAR ? years == 1 : years >= 1 && years <= 3;
    }
}
