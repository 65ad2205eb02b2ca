package cn.ganxun.institutions;

public enum InstitutionKind {
    PARTY_SCHOOL("党校"),
    ADMIN_COLLEGE("行政学院"),
    CADRE_COLLEGE("干部学院");

    private final String label;

    InstitutionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
