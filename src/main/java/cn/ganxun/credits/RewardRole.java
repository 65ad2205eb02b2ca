package cn.ganxun.credits;

/**
 * The cadre's part in a reward (R22): authorship of a book (sole, co-author, contributor) or an article (sole,
 * co-author), or the level of an award. Which combinations earn what is decided by {@code reward-credits.dmn}.
 */
public enum RewardRole {
    SOLE("独著/独立发表"), CO_AUTHOR("合著/合作发表"), CONTRIBUTOR("参编"),
    FIRST("一等奖"), SECOND("二等奖"), THIRD("三等奖"), MERIT("优秀奖");

    private final String label;

    RewardRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
