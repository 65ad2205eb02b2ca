package cn.ganxun.classes;

/** How the class is filled: named mandates (R8), quota allocations (R9) or both. */
public enum DispatchMode {
    NAMED("点名调训"),
    QUOTA("名额分配调训"),
    MIXED("点名与名额分配结合");

    private final String label;

    DispatchMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
