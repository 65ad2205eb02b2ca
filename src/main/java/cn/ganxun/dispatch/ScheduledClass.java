package cn.ganxun.dispatch;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The dates, topic and mode of a class, as the R10 limits look at them. */
record ScheduledClass(long id, String classNumber, String title, String topic, LocalDate startDate,
        LocalDate endDate, boolean offJob) {

    /**
     * R10 "one month or longer" (1个月以上), in calendar days with the first and last day included: a class from
     * 1 to 30 April lasts a month. The demo's month-long classes (22 teaching days) span 32 days.
     */
    static final int LONG_TRAINING_DAYS = 30;

    long days() {
        return ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    /** R10: off-the-job training of a month or longer. */
    boolean isLongOffJob() {
        return offJob && days() >= LONG_TRAINING_DAYS;
    }

    /** The two classes share at least one day (both ends included). */
    boolean overlaps(ScheduledClass other) {
        return !startDate.isAfter(other.endDate) && !other.startDate.isAfter(endDate);
    }

    /** The other class starts less than {@code years} before or after this one. */
    boolean startsWithinYearsOf(ScheduledClass other, int years) {
        return other.startDate.isAfter(startDate.minusYears(years)) && other.startDate.isBefore(startDate.plusYears(years));
    }

    /** Same topic: equal after trimming (full-width spaces too) and ignoring case. */
    boolean hasTopicOf(ScheduledClass other) {
        return normalised(topic).equals(normalised(other.topic));
    }

    ConflictingClass asConflict() {
        return new ConflictingClass(id, classNumber, title, startDate, endDate);
    }

    /** E.g. H2024-0012「县处级领导干部进修班（2024年第1期）」（2024-03-04至2024-04-04）. */
    String label() {
        return classNumber + "「" + title + "」（" + startDate + "至" + endDate + "）";
    }

    private static String normalised(String topic) {
        return topic.strip().toLowerCase(Locale.ROOT);
    }
}
