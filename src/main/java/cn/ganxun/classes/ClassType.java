package cn.ganxun.classes;

/** Kind of class an institution files (班次类型). */
public enum ClassType {
    ADVANCED_STUDY("进修班"),
    TRAINING("轮训班"),
    SPECIAL_TOPIC("专题培训班"),
    SEMINAR("专题研讨班"),
    APPOINTMENT("任职培训班"),
    INITIAL("初任培训班"),
    YOUNG_CADRE("中青年干部培训班"),
    OTHER("其他班次");

    private final String label;

    ClassType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
