package cn.ganxun.institutions;

/** A training institution (党校、行政学院、干部学院) that files and runs classes. */
public record Institution(long id, String code, String name, InstitutionKind kind, String contactEmail) {

    public boolean isPartySchool() {
        return kind == InstitutionKind.PARTY_SCHOOL;
    }
}
