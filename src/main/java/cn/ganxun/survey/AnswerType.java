package cn.ganxun.survey;

/** How a question is answered: one option, several options, free text, or a scale of 1 (low) to 5 (high). */
public enum AnswerType {
    SINGLE_CHOICE("单选"),
    MULTIPLE_CHOICE("多选"),
    TEXT("文字"),
    SCALE("1–5分");

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;

    private final String label;

    AnswerType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
