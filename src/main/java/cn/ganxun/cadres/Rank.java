package cn.ganxun.cadres;

/** A cadre's rank (职级), highest first. R6 asks more training hours of county/division level and above. */
public enum Rank implements Labelled {
    BUREAU("厅局级"),
    COUNTY_PRINCIPAL("县处级正职"),
    COUNTY_DEPUTY("县处级副职"),
    TOWNSHIP_PRINCIPAL("乡科级正职"),
    TOWNSHIP_DEPUTY("乡科级副职"),
    STAFF("科员及以下");

    private final String label;

    Rank(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** R6: county/division level (县处级) and above. */
    public boolean countyLevelOrAbove() {
        return compareTo(COUNTY_DEPUTY) <= 0;
    }

    public boolean isHigherThan(Rank other) {
        return compareTo(other) < 0;
    }
}
