package cn.ganxun.feedback;

/** R30: when results go back to the employer units — at the class's results, and when its follow-up closes. */
public enum FeedbackOccasion {
    RESULTS("结业反馈"), FOLLOW_UP("跟踪问效反馈");

    private final String label;

    FeedbackOccasion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
