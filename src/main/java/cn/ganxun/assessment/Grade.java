package cn.ganxun.assessment;

/** R20 grades (等次). */
public enum Grade {
    EXCELLENT("优秀"), GOOD("良好"), PASS("合格"), FAIL("不合格");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
