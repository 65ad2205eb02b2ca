package cn.ganxun.cadres;

/** Highest education (学历). */
public enum Education implements Labelled {
    DOCTORATE("博士研究生"),
    MASTER("硕士研究生"),
    BACHELOR("大学本科"),
    JUNIOR_COLLEGE("大学专科"),
    SECONDARY("中专及以下");

    private final String label;

    Education(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
