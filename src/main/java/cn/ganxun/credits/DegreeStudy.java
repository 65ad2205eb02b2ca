package cn.ganxun.credits;

import java.time.LocalDate;

/** A cadre's degree programme (R22): STUDYING earns 5 credits a study year, AWARDED once adds the level's credits. */
public record DegreeStudy(long id, long cadreId, DegreeLevel level, String programme, int startYear, String status,
        LocalDate awardedOn) {

    public static final String STUDYING = "STUDYING";
    public static final String AWARDED = "AWARDED";
}
