package cn.ganxun.followup;

import cn.ganxun.cadres.Rank;

/**
 * R29: the level a trainee is judged at after the class. Leaders are judged on turning decisions into results,
 * grassroots cadres on service satisfaction; the indicators of each level are in {@code follow-up-indicators.dmn}.
 */
public enum TraineeLevel {
    LEADER("领导干部"),
    GRASSROOTS("基层干部");

    private final String label;

    TraineeLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Staff (科员及以下) are grassroots cadres; every rank from deputy township/section level up is a leader. */
    public static TraineeLevel of(Rank rank) {
        return rank == Rank.STAFF ? GRASSROOTS : LEADER;
    }
}
