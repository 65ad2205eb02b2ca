package cn.ganxun.coverage;

/** The coverage traffic light (红黄绿灯) of R5 and what it means for dispatch. */
public enum Light {
    /** No systematic party-theory or party-spirit education in five years: a rigid, named-dispatch target. */
    RED("红灯"),
    /** Trained in party theory or spirit but short of the R6 hours: dispatched with priority. */
    YELLOW("黄灯"),
    /** Hours completed: not a priority. */
    GREEN("绿灯");

    private final String label;

    Light(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
