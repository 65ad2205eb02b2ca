package cn.ganxun.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * One page of a drill-down list: {@code page} (0-based), {@code size} (default 20, at most 200) and {@code sort}
 * ({@code field} or {@code -field} for descending) from a whitelist of columns, each an SQL column of the list's
 * derived table; ties broken by the list's key column. The list is one statement: the rows of the page and, with
 * {@code COUNT(*) OVER ()}, the total.
 */
record ListRequest(int page, int size, String orderBy) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;

    /** What a list answers. */
    record ListPage<T>(List<T> items, int page, int size, long total) {
    }

    /** Sortable columns from pairs: API name, SQL column, API name, SQL column, … (in the order a 400 names them). */
    static LinkedHashMap<String, String> columns(String... pairs) {
        LinkedHashMap<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return columns;
    }

    /**
     * @param columns sortable fields in the order the 400 names them: API name → SQL column of the derived table
     * @param defaultSort the sort when none is given ({@code field} / {@code -field})
     * @param tieBreak the unique column that orders equal rows
     */
    static ListRequest of(String page, String size, String sort, LinkedHashMap<String, String> columns,
            String defaultSort, String tieBreak) {
        List<Problem> problems = new ArrayList<>();
        int parsedPage = number(page, 0, "page", "页码 page 须为不小于 0 的整数", 0, Integer.MAX_VALUE, problems);
        int parsedSize = number(size, DEFAULT_SIZE, "size", "每页条数 size 须在 1 到 " + MAX_SIZE + " 之间", 1, MAX_SIZE,
                problems);
        String wanted = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        boolean descending = wanted.startsWith("-");
        String column = columns.get(descending ? wanted.substring(1) : wanted);
        if (column == null) {
            problems.add(new Problem("sort", "排序 sort 无效：" + wanted + "；可按 " + String.join("、", columns.keySet())
                    + " 排序，字段前加 - 为降序"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ListRequest(parsedPage, parsedSize,
                column + (descending ? " DESC" : " ASC") + (column.equals(tieBreak) ? "" : ", " + tieBreak + " ASC"));
    }

    /** The page of {@code select} (a statement without ORDER BY whose columns the whitelist names). */
    <T> ListPage<T> query(JdbcClient jdbc, String select, Map<String, ?> params, RowMapper<T> rows) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("limit", size);
        all.put("offset", (long) page * size);
        long[] total = {0};
        List<T> items = jdbc.sql("SELECT x.*, COUNT(*) OVER () AS total_rows FROM (" + select + ") x ORDER BY " + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .params(all)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_rows");
                    return rows.mapRow(rs, n);
                })
                .list();
        if (items.isEmpty() && page > 0) {
            total[0] = jdbc.sql("SELECT COUNT(*) FROM (" + select + ") x").params(new HashMap<>(params)).query(Long.class)
                    .single();
        }
        return new ListPage<>(items, page, size, total[0]);
    }

    private static int number(String value, int fallback, String field, String message, int min, int max,
            List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return (int) number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(field, message + "：" + value));
        return fallback;
    }
}
