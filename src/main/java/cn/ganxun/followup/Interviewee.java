package cn.ganxun.followup;

/** Who was heard during a unit visit (R27, R29). */
public enum Interviewee {
    TRAINEE("学员本人"),
    COLLEAGUES("同事"),
    UNIT_LEADER("单位领导"),
    SERVICE_USERS("服务对象");

    private final String label;

    Interviewee(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
