package cn.ganxun.linkage;

/** Where a promotion's appointment training (R32) stands. */
public enum PromotionStatus {
    WAITING("等待任职培训"),
    TRAINED("已按期完成任职培训"),
    OVERDUE("未按期任职培训，待处理"),
    PROBATION_EXTENDED("已延长试用期"),
    SPECIAL_CIRCUMSTANCES("特殊情况，不延长试用期");

    private final String label;

    PromotionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
