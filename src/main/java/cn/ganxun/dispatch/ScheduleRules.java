package cn.ganxun.dispatch;

import java.util.ArrayList;
import java.util.List;

/** The R10 limits that compare the target class with a candidate's other enrollments. */
final class ScheduleRules {

    /** R10: a month-long off-the-job training generally at most once per this many years. */
    static final int LONG_OFF_JOB_EVERY_YEARS = 5;
    /** R10: off-the-job training on one topic generally at most once per this many years. */
    static final int SAME_TOPIC_EVERY_YEARS = 1;

    private ScheduleRules() {
    }

    /**
     * The breaches of one candidate, overlapping dates first, then month-long training, then same topic; within
     * each, in the order of {@code others} (by start date).
     *
     * <ul>
     * <li>DATE_OVERLAP (BLOCK): another class shares a day with the target (R10: never two classes at once).</li>
     * <li>LONG_OFF_JOB_WITHIN_FIVE_YEARS (OVERRIDABLE): the target is off-the-job and lasts a month or longer, and
     * so does another class starting less than five years before or after the target's start. An enrollment after
     * the target counts too: the once-per-five-years limit holds whichever class is booked first.</li>
     * <li>SAME_TOPIC_WITHIN_A_YEAR (OVERRIDABLE): the target is off-the-job and another off-the-job class on the
     * same topic starts less than a year before or after it; a year apart to the day is clear.</li>
     * </ul>
     */
    static List<RuleBreach> check(ScheduledClass target, List<OtherEnrollment> others) {
        List<RuleBreach> breaches = new ArrayList<>();
        for (OtherEnrollment other : others) {
            ScheduledClass k = other.trainingClass();
            if (target.overlaps(k)) {
                breaches.add(RuleBreach.of(BreachCode.DATE_OVERLAP, "与" + other.attendance() + "的培训班" + k.label()
                        + "时间重叠，干部不能同时参加两个班次（R10）", k.asConflict()));
            }
        }
        for (OtherEnrollment other : others) {
            ScheduledClass k = other.trainingClass();
            if (target.isLongOffJob() && k.isLongOffJob() && target.startsWithinYearsOf(k, LONG_OFF_JOB_EVERY_YEARS)) {
                breaches.add(RuleBreach.of(BreachCode.LONG_OFF_JOB_WITHIN_FIVE_YEARS, "本班为1个月以上脱产培训，干部"
                        + LONG_OFF_JOB_EVERY_YEARS + "年内" + other.attendance() + "1个月以上脱产培训" + k.label()
                        + "；一般" + LONG_OFF_JOB_EVERY_YEARS + "年内只参加一次，确需调训须说明理由并经批准（R10）",
                        k.asConflict()));
            }
        }
        for (OtherEnrollment other : others) {
            ScheduledClass k = other.trainingClass();
            if (target.offJob() && k.offJob() && target.hasTopicOf(k)
                    && target.startsWithinYearsOf(k, SAME_TOPIC_EVERY_YEARS)) {
                breaches.add(RuleBreach.of(BreachCode.SAME_TOPIC_WITHIN_A_YEAR, "干部1年内" + other.attendance()
                        + "同主题「" + k.topic().strip() + "」的脱产培训" + k.label()
                        + "；同一主题一般每年只参加一次，确需调训须说明理由并经批准（R10）", k.asConflict()));
            }
        }
        return breaches;
    }
}
