package cn.ganxun.archive;

/** The five dimensions cadre appraisal uses (德、能、勤、绩、廉), onto which the ability map projects training indicators (R34). */
public enum AbilityDimension {
    MORALITY("德"),
    ABILITY("能"),
    DILIGENCE("勤"),
    PERFORMANCE("绩"),
    INTEGRITY("廉");

    private final String label;

    AbilityDimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
