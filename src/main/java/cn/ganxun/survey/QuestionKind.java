package cn.ganxun.survey;

/** R36: training needs are organisational, positional and individual. */
public enum QuestionKind {
    ORGANISATIONAL("组织需求"),
    POSITIONAL("岗位需求"),
    INDIVIDUAL("个人需求");

    private final String label;

    QuestionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
