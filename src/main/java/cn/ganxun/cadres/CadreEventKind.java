package cn.ganxun.cadres;

/** R1 life events that change a cadre's training needs. */
public enum CadreEventKind implements Labelled {
    HIRE("入职"),
    PROMOTION("晋升"),
    TRANSFER("调动"),
    RETIREMENT("退休");

    private final String label;

    CadreEventKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
