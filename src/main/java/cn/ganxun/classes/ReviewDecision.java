package cn.ganxun.classes;

/** The approver's answer to a class filing. */
public enum ReviewDecision {
    APPROVE("批准"),
    REJECT("不予批准"),
    RETURN("退回修改");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
