package cn.ganxun.credits;

/** What a reward claim is for (R22). */
public enum RewardKind {
    BOOK("著作"), ARTICLE("文章"), AWARD("获奖");

    private final String label;

    RewardKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
