package cn.ganxun.survey;

import cn.ganxun.cadres.Rank;

/**
 * R37: the level a questionnaire's questions and the report are split by. Coarser than the rank on purpose: an answer
 * set stores only this, so few cadres share a rank in a unit never single one out.
 */
public enum SurveyLevel {
    LEADING("县处级及以上"),
    MIDDLE("乡科级"),
    STAFF("科员及以下");

    private final String label;

    SurveyLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SurveyLevel of(Rank rank) {
        if (rank.countyLevelOrAbove()) {
            return LEADING;
        }
        return rank == Rank.STAFF ? STAFF : MIDDLE;
    }
}
