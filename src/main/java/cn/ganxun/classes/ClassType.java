package cn.ganxun.classes;

/** Kind of class an institution files (班次类型). */
public enum ClassType {
    MAIN_COURSE("主体班次"),
    THEMATIC("专题培训班"),
    APPOINTMENT("任职培训班"),
    INDUCTION("初任培训班"),
    OTHER("其他班次");

    private final String label;

    ClassType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
