package cn.ganxun.cadres;

/** R2: the target categories of basic training. */
public enum Category implements Labelled {
    PARTY_GOVERNMENT_LEADER("党政领导干部"),
    CIVIL_SERVANT("公务员"),
    SOE_LEADER("国有企业领导人员"),
    PUBLIC_INSTITUTION_LEADER("事业单位领导人员"),
    YOUNG_CADRE("年轻干部"),
    THEORY_PROPAGANDA_BACKBONE("理论宣传骨干"),
    HIGH_LEVEL_TALENT("高层次人才"),
    GRASSROOTS_CADRE("基层干部"),
    PARTY_MEMBER("党员");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
