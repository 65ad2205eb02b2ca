package cn.ganxun.cadres;

public enum CadreStatus implements Labelled {
    ACTIVE("在职"),
    /** R1: a retired cadre has left all training plans. */
    RETIRED("已退休");

    private final String label;

    CadreStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
