package cn.ganxun.coverage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.ganxun.cadres.Category;
import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * A validated coverage list or summary request (R5–R7): the day the rolling five years end, filters, one page and one
 * sort column from a whitelist. Every bad parameter becomes one problem naming it.
 */
public record CoverageQuery(LocalDate asOf, Long unitId, boolean subUnits, Rank rank, Category category, Light light,
        int page, int size, Sort sort, boolean descending) {

    static final int MAX_PAGE_SIZE = 200;

    /**
     * Sortable columns: the API name and the SQL expression over the figures {@code f} and the unit {@code u}. Ties are
     * broken by the cadre number; by light, first by the hours still missing (most first).
     */
    enum Sort {
        LIGHT("light", CoverageSql.LIGHT_ORDER),
        SHORTFALL("shortfall", "(f.required_hours - f.total_hours)"),
        TOTAL_HOURS("totalHours", "f.total_hours"),
        PARTY_HOURS("partyHours", "f.party_hours"),
        CADRE_NUMBER("cadreNumber", "f.cadre_number"),
        NAME("name", "f.name"),
        RANK("rank", CoverageSql.rankOrder("f.rank_level")),
        UNIT("unit", "u.code");

        private final String apiName;
        private final String sql;

        Sort(String apiName, String sql) {
            this.apiName = apiName;
            this.sql = sql;
        }

        String sql() {
            return sql;
        }

        String tieBreak() {
            return this == LIGHT ? ", (f.required_hours - f.total_hours) DESC, f.cadre_number ASC" : ", f.cadre_number ASC";
        }
    }

    /** How a summary groups the cadres (R7: by unit, level and category). */
    public enum GroupBy {
        UNIT, RANK, CATEGORY
    }

    /**
     * Parses request parameters as given (text, so that a malformed value is reported like any other mistake).
     *
     * @param asOf     {@code yyyy-MM-dd}; blank means today (engine clock)
     * @param subUnits {@code true} (default) or {@code false}
     * @param sort     {@code field} or {@code field,asc|desc}, e.g. {@code shortfall,desc}
     */
    public static CoverageQuery of(String asOf, String unitId, String subUnits, String rank, String category, String light,
            String page, String size, String sort) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = asOf(asOf, problems);
        Long unit = unitId == null || unitId.isBlank() ? null : number(unitId, "unitId", "单位", problems);
        boolean withSubUnits = !"false".equalsIgnoreCase(subUnits.strip());
        if (withSubUnits && !"true".equalsIgnoreCase(subUnits.strip())) {
            problems.add(new Problem("subUnits", "是否包含下级单位 subUnits 须为 true 或 false"));
        }
        Rank parsedRank = parse(Rank.values(), rank, Rank::label, "rank", "职级", problems);
        Category parsedCategory = parse(Category.values(), category, Category::label, "category", "类别", problems);
        Light parsedLight = parse(Light.values(), light, Light::label, "light", "灯", problems);
        Long parsedPage = number(page, "page", "页码", problems);
        if (parsedPage != null && parsedPage < 0) {
            problems.add(new Problem("page", "页码 page 不能小于 0"));
        }
        Long parsedSize = number(size, "size", "每页条数", problems);
        if (parsedSize != null && (parsedSize < 1 || parsedSize > MAX_PAGE_SIZE)) {
            problems.add(new Problem("size", "每页条数 size 须在 1 到 " + MAX_PAGE_SIZE + " 之间"));
        }
        String[] parts = sort.split(",", -1);
        Sort column = Arrays.stream(Sort.values()).filter(s -> s.apiName.equals(parts[0].strip())).findFirst().orElse(null);
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            problems.add(new Problem("sort", "排序 sort 无效：可按 "
                    + Arrays.stream(Sort.values()).map(s -> s.apiName).collect(Collectors.joining("、"))
                    + " 排序，方向为 asc 或 desc，例如 shortfall,desc"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CoverageQuery(day, unit, withSubUnits, parsedRank, parsedCategory, parsedLight,
                parsedPage.intValue(), parsedSize.intValue(), column, direction.equals("desc"));
    }

    /**
     * The day the rolling five years end: {@code yyyy-MM-dd}, blank for today (engine clock).
     *
     * @throws InvalidInputException naming {@code asOf} when malformed
     */
    static LocalDate asOf(String value) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = asOf(value, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return day;
    }

    private static LocalDate asOf(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return EngineClock.today();
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem("asOf", "统计日期 asOf 格式应为 yyyy-MM-dd：" + value));
            return EngineClock.today();
        }
    }

    /** The grouping of a summary: {@code unit}, {@code rank} or {@code category}. */
    static GroupBy groupBy(String value) {
        return Arrays.stream(GroupBy.values()).filter(g -> g.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> InvalidInputException.of("groupBy", "分组 groupBy 须为 unit（单位）、rank（职级）或 category（类别）：" + value));
    }

    private static Long number(String value, String field, String label, List<Problem> problems) {
        try {
            long number = Long.parseLong(value.strip());
            if (Math.abs(number) <= Integer.MAX_VALUE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(field, label + " " + field + " 须为整数：" + value));
        return null;
    }

    /** A constant by its code or its Chinese label (e.g. {@code RED} or {@code 红灯}). */
    private static <E extends Enum<E>> E parse(E[] constants, String value, Function<E, String> label, String field,
            String name, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.strip();
        for (E constant : constants) {
            if (constant.name().equals(wanted.toUpperCase(Locale.ROOT)) || label.apply(constant).equals(wanted)) {
                return constant;
            }
        }
        problems.add(new Problem(field, name + " " + field + " 取值无效：" + value + "（可选："
                + Arrays.stream(constants).map(label).collect(Collectors.joining("、")) + "）"));
        return null;
    }
}
