package cn.ganxun.classes;

/** Curriculum category; party theory and party spirit together make up the R15 share. */
public enum CourseCategory {
    PARTY_THEORY("党的理论教育"),
    PARTY_SPIRIT("党性教育"),
    PROFESSIONAL("专业化能力培训"),
    OTHER("其他");

    private final String label;

    CourseCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean countsTowardsPartyShare() {
        return this == PARTY_THEORY || this == PARTY_SPIRIT;
    }
}
