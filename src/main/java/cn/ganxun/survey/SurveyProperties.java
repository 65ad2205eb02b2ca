package cn.ganxun.survey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the needs survey ({@code ganxun.survey.*}).
 *
 * @param minGroupSize R37: a report group (unit, level, category) with fewer answer sets than this is suppressed
 * @param mixSize      R37: each submission re-writes this many earlier answer sets of the survey with it, in random
 *                     order, so the rows one transaction writes are a crowd, not one cadre's answers
 * @param everyMonths  R38: default cycle of a schedule (half a year)
 * @param openDays     R38: default number of days a scheduled survey stays open
 */
@ConfigurationProperties(prefix = "ganxun.survey")
public record SurveyProperties(@DefaultValue("3") int minGroupSize, @DefaultValue("4") int mixSize,
        @DefaultValue("6") int everyMonths, @DefaultValue("30") int openDays) {

    public SurveyProperties {
        if (minGroupSize < 2) {
            throw new IllegalArgumentException("ganxun.survey.min-group-size must be at least 2");
        }
        if (mixSize < 0) {
            throw new IllegalArgumentException("ganxun.survey.mix-size must not be negative");
        }
        if (everyMonths < 1 || everyMonths > 24 || openDays < 1 || openDays > 366) {
            throw new IllegalArgumentException("ganxun.survey.every-months must be 1-24 and open-days 1-366");
        }
    }
}
