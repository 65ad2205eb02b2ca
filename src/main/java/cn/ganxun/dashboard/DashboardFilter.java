package cn.ganxun.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * The portal's shared filters as a dashboard figure takes them: {@code year} (of the class's start, or of its end for
 * the follow-up; for coverage the five years ending on 31 December of that year, or today in the current year),
 * {@code unitId} (with its sub-units), {@code institutionId}. Rank and category are checked by the coverage report
 * itself. Every malformed value is one Chinese problem naming the parameter.
 */
record DashboardFilter(Integer year, Long unitId, Long institutionId) {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    static DashboardFilter of(String year, String unitId, String institutionId) {
        List<Problem> problems = new ArrayList<>();
        Long parsedYear = number(year, "year", "年度", problems);
        if (parsedYear != null && (parsedYear < FIRST_YEAR || parsedYear > LAST_YEAR)) {
            problems.add(new Problem("year", "年度 year 须在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间：" + year));
        }
        Long unit = number(unitId, "unitId", "单位", problems);
        Long institution = number(institutionId, "institutionId", "培训机构", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DashboardFilter(parsedYear == null ? null : parsedYear.intValue(), unit, institution);
    }

    /** The coverage day of a year: 31 December, or today for the current and later years; blank = today. */
    String coverageAsOf() {
        if (year == null) {
            return null;
        }
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = EngineClock.today();
        return (end.isAfter(today) ? today : end).toString();
    }

    /**
     * The year and institution conditions on a class aliased {@code k} ("AND …", empty without filters): the year of
     * {@code dateColumn} (the class's start or end date), the class's institution; their values go into {@code params}.
     */
    String classConditions(String dateColumn, Map<String, Object> params) {
        StringBuilder conditions = new StringBuilder();
        if (year != null) {
            conditions.append(" AND ").append(dateColumn).append(" >= :yearStart AND ").append(dateColumn)
                    .append(" < :nextYearStart");
            params.put("yearStart", LocalDate.of(year, 1, 1));
            params.put("nextYearStart", LocalDate.of(year + 1, 1, 1));
        }
        if (institutionId != null) {
            conditions.append(" AND k.institution_id = :institutionId");
            params.put("institutionId", institutionId);
        }
        return conditions.toString();
    }

    /** A parsed enumeration value (code or Chinese label), or null when blank. */
    static <E extends Enum<E>> E choice(E[] constants, java.util.function.Function<E, String> label, String value,
            String field, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : constants) {
            if (constant.name().equals(value.strip().toUpperCase(Locale.ROOT)) || label.apply(constant).equals(value.strip())) {
                return constant;
            }
        }
        throw InvalidInputException.of(field, name + " " + field + " 取值无效：" + value + "（可选："
                + Arrays.stream(constants).map(c -> c.name() + " " + label.apply(c)).collect(Collectors.joining("、")) + "）");
    }

    /** {@code true}, {@code false} or blank (null). */
    static Boolean flag(String value, String field, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw InvalidInputException.of(field, name + " " + field + " 须为 true 或 false：" + value);
        };
    }

    private static Long number(String value, String field, String label, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(field, label + " " + field + " 须为正整数：" + value));
        return null;
    }
}
