package cn.ganxun.cadres;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.ganxun.platform.InvalidInputException;

/** A validated registry search: filters, one page, one sort column from a whitelist. */
record CadreQuery(String text, Long unitId, boolean subUnits, Rank rank, Category category, CadreStatus status,
        int page, int size, Sort sort, boolean descending) {

    static final int MAX_PAGE_SIZE = 200;

    /** Sortable columns: the API name and the SQL expression (rank sorts by seniority, not alphabetically). */
    enum Sort {
        CADRE_NUMBER("cadreNumber", "c.cadre_number"),
        NAME("name", "c.name"),
        RANK("rank", rankOrder()),
        CATEGORY("category", "c.category"),
        UNIT("unit", "u.code"),
        BIRTH_DATE("birthDate", "c.birth_date"),
        HIRED_ON("hiredOn", "c.hired_on"),
        STATUS("status", "c.status");

        private final String apiName;
        private final String sql;

        Sort(String apiName, String sql) {
            this.apiName = apiName;
            this.sql = sql;
        }

        String sql() {
            return sql;
        }

        private static String rankOrder() {
            return Arrays.stream(Rank.values())
                    .map(rank -> "WHEN '" + rank.name() + "' THEN " + rank.ordinal())
                    .collect(Collectors.joining(" ", "CASE c.rank_level ", " END"));
        }
    }

    /**
     * Parses request parameters as given (text, so that a malformed number is reported like any other mistake);
     * every bad parameter becomes one problem naming it.
     *
     * @param unitId optional
     * @param subUnits {@code true} or {@code false}
     * @param sort {@code field} or {@code field,asc|desc}, e.g. {@code rank,asc}
     */
    static CadreQuery of(String text, String unitId, String subUnits, String rank, String category, String status,
            String page, String size, String sort) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        Long parsedUnitId = unitId == null || unitId.isBlank() ? null : number(unitId, "unitId", "单位", problems);
        boolean withSubUnits = subUnits.equalsIgnoreCase("true");
        if (!withSubUnits && !subUnits.equalsIgnoreCase("false")) {
            problems.add(new InvalidInputException.Problem("subUnits", "是否包含下级单位 subUnits 须为 true 或 false"));
        }
        Rank parsedRank = parse(Rank.class, rank, "rank", "职级", problems);
        Category parsedCategory = parse(Category.class, category, "category", "类别", problems);
        CadreStatus parsedStatus = parse(CadreStatus.class, status, "status", "状态", problems);
        Long parsedPage = number(page, "page", "页码", problems);
        if (parsedPage != null && parsedPage < 0) {
            problems.add(new InvalidInputException.Problem("page", "页码 page 不能小于 0"));
        }
        Long parsedSize = number(size, "size", "每页条数", problems);
        if (parsedSize != null && (parsedSize < 1 || parsedSize > MAX_PAGE_SIZE)) {
            problems.add(new InvalidInputException.Problem("size", "每页条数 size 须在 1 到 " + MAX_PAGE_SIZE + " 之间"));
        }
        String[] sortParts = sort.split(",", -1);
        Sort sortColumn = Arrays.stream(Sort.values()).filter(s -> s.apiName.equals(sortParts[0].strip()))
                .findFirst().orElse(null);
        String direction = sortParts.length > 1 ? sortParts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (sortColumn == null || sortParts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            problems.add(new InvalidInputException.Problem("sort", "排序 sort 无效：可按 "
                    + Arrays.stream(Sort.values()).map(s -> s.apiName).collect(Collectors.joining("、"))
                    + " 排序，方向为 asc 或 desc，例如 name,desc"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String fragment = text == null || text.isBlank() ? null : text.strip();
        return new CadreQuery(fragment, parsedUnitId, withSubUnits, parsedRank, parsedCategory, parsedStatus,
                parsedPage.intValue(), parsedSize.intValue(), sortColumn, direction.equals("desc"));
    }

    private static Long number(String value, String field, String label, List<InvalidInputException.Problem> problems) {
        try {
            long number = Long.parseLong(value.strip());
            if (Math.abs(number) <= Integer.MAX_VALUE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new InvalidInputException.Problem(field, label + " " + field + " 须为整数：" + value));
        return null;
    }

    private static <E extends Enum<E> & Labelled> E parse(Class<E> type, String value, String field, String label,
            List<InvalidInputException.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Labelled.parse(type, value).orElseGet(() -> {
            problems.add(new InvalidInputException.Problem(field,
                    label + " " + field + " 取值无效：" + value + "（可选：" + Labelled.choices(type) + "）"));
            return null;
        });
    }
}
