package cn.ganxun.coverage;

import java.util.Arrays;
import java.util.stream.Collectors;

import cn.ganxun.cadres.Rank;

/**
 * The one SQL statement that counts coverage (R4–R6) for a set of cadres, as a derived table for the per-cadre
 * lights, the lists, the summaries and the watch snapshots. See {@link CoverageService} for what counts.
 *
 * <p>Columns: {@code cadre_id, cadre_number, name, unit_id, rank_level, category, status, party_hours, total_hours}
 * (both rounded to one decimal, as {@link CoverageLights#classify} rounds them), {@code required_hours} (R6) and
 * {@code light} (R5: RED without party hours, YELLOW below the required hours, GREEN), {@code participated} and
 * {@code passed} (R7, 0 or 1). Parameters: {@code :windowStart}
 * (exclusive) and {@code :asOf} (inclusive) plus whatever the cadre filter names.
 *
 * <p>Set-based and portable (H2 and PostgreSQL): the enrollments of classes ending in the window are aggregated per
 * cadre in one pass; the curriculum's party share is computed once per class; the cadre filter is applied inside (only
 * the chosen cadres' enrollments are read) and outside (cadres without training get a row too). Population-wide
 * reports read these figures materialized by {@link CoverageCurrent} instead of computing them per request.
 */
final class CoverageSql {

    /** The light's order for sorting: red first. */
    static final String LIGHT_ORDER = "CASE f.light WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END";

    private static final String PARTY_CATEGORIES = "'PARTY_THEORY', 'PARTY_SPIRIT'";

    private CoverageSql() {
    }

    /**
     * The figures of the cadres matching {@code cadreFilter}, a predicate on the cadre table under alias {@code c}
     * (e.g. {@code c.status = 'ACTIVE' AND c.unit_id IN (:unitIds)}); use it as {@code FROM (…) f}. Beside the hours
     * and the light, R7 per cadre: {@code participated} = 1 for a cadre with an enrollment COMPLETED or INCOMPLETE in a
     * class ending in the window (else 0); {@code passed} = 1 when all of those are COMPLETED and none is graded FAIL.
     * One pass over the window's enrollments computes both (the hours count COMPLETED enrollments only).
     */
    static String figures(String cadreFilter) {
        return """
                SELECT g.*, CASE WHEN g.party_hours = 0 THEN 'RED'
                                 WHEN g.total_hours < g.required_hours THEN 'YELLOW'
                                 ELSE 'GREEN' END AS light
                FROM (SELECT c.id AS cadre_id, c.cadre_number, c.name, c.unit_id, c.rank_level, c.category, c.status,
                             CAST(ROUND(COALESCE(w.party_hours, 0), 1) AS DECIMAL(9,1)) AS party_hours,
                             CAST(ROUND(COALESCE(w.total_hours, 0), 1) AS DECIMAL(9,1)) AS total_hours,
                             %s AS required_hours,
                             COALESCE(w.participated, 0) AS participated, COALESCE(w.passed, 0) AS passed
                      FROM cadre c
                      LEFT JOIN (SELECT e.cadre_id,
                                        SUM(CASE WHEN e.status = 'COMPLETED' THEN COALESCE(e.hours, 0) END) AS total_hours,
                                        SUM(CASE WHEN e.status = 'COMPLETED'
                                                 THEN COALESCE(e.hours, 0) * k.party_course_hours / NULLIF(k.course_hours, 0)
                                            END) AS party_hours,
                                        1 AS participated,
                                        MIN(CASE WHEN e.status = 'COMPLETED' AND COALESCE(e.grade, '') <> 'FAIL'
                                                 THEN 1 ELSE 0 END) AS passed
                                 FROM enrollment e
                                 JOIN (SELECT t.id AS class_id, SUM(s.hours) AS course_hours,
                                              SUM(CASE WHEN s.category IN (%s) THEN s.hours ELSE 0 END) AS party_course_hours
                                       FROM training_class t LEFT JOIN course s ON s.class_id = t.id
                                       WHERE t.end_date > :windowStart AND t.end_date <= :asOf
                                       GROUP BY t.id) k ON k.class_id = e.class_id
                                 WHERE e.status IN ('COMPLETED', 'INCOMPLETE')
                                   AND e.cadre_id IN (SELECT c.id FROM cadre c WHERE %s)
                                 GROUP BY e.cadre_id) w ON w.cadre_id = c.id
                      WHERE %s) g""".formatted(requiredHours("c.rank_level"), PARTY_CATEGORIES, cadreFilter, cadreFilter);
    }

    /** R6 as SQL over a rank column: 550 for county/division level and above, 500 otherwise. */
    static String requiredHours(String rankColumn) {
        String countyAndAbove = Arrays.stream(Rank.values()).filter(Rank::countyLevelOrAbove)
                .map(rank -> "'" + rank.name() + "'").collect(Collectors.joining(", "));
        return "CASE WHEN " + rankColumn + " IN (" + countyAndAbove + ") THEN " + CoverageLights.REQUIRED_HOURS_COUNTY_LEVEL
                + " ELSE " + CoverageLights.REQUIRED_HOURS_OTHERS + " END";
    }

    /** Rank by seniority (highest first), for sorting. */
    static String rankOrder(String rankColumn) {
        return Arrays.stream(Rank.values()).map(rank -> "WHEN '" + rank.name() + "' THEN " + rank.ordinal())
                .collect(Collectors.joining(" ", "CASE " + rankColumn + " ", " END"));
    }
}
