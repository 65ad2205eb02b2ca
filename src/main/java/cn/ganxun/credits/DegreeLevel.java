package cn.ganxun.credits;

import java.math.BigDecimal;

/** Degree levels of R22's degree study and the credits their award adds. */
public enum DegreeLevel {
    PHD("博士", 7), MASTER("硕士", 6), BACHELOR("学士", 5);

    private final String label;
    private final BigDecimal awardCredits;

    DegreeLevel(String label, int awardCredits) {
        this.label = label;
        this.awardCredits = BigDecimal.valueOf(awardCredits);
    }

    public String label() {
        return label;
    }

    public BigDecimal awardCredits() {
        return awardCredits;
    }
}
