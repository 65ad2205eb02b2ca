package cn.ganxun.classes;

/** Where a class stands from filing (办班申报) on. */
public enum ClassStatus {
    FILED("已申报"),
    RETURNED("退回修改"),
    UNDER_REVIEW("待审批"),
    APPROVED("已批准"),
    RECORDED("已备案"),
    REJECTED("未批准"),
    CLOSED("已结束");

    private final String label;

    ClassStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
