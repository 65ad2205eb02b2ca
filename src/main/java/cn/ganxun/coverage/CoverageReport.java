package cn.ganxun.coverage;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Cadre;
import cn.ganxun.cadres.CadreAccess;
import cn.ganxun.cadres.CadreRepository;
import cn.ganxun.cadres.Category;
import cn.ganxun.cadres.Rank;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.coverage.CoverageQuery.GroupBy;
import cn.ganxun.coverage.CoverageViews.CadreCoverage;
import cn.ganxun.coverage.CoverageViews.CoveragePage;
import cn.ganxun.coverage.CoverageViews.CoverageRow;
import cn.ganxun.coverage.CoverageViews.CoverageSummary;
import cn.ganxun.coverage.CoverageViews.SummaryRow;
import cn.ganxun.coverage.CoverageViews.UnitRef;
import cn.ganxun.platform.CsvWriter;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;

/**
 * Coverage for the org department and the units (应训分析, R4–R7): one cadre's light at a date, the list of active cadres
 * with light, hours and reason, and summaries by unit, rank or category with the participation and pass rates, each
 * also as CSV. One cadre's light is counted live by {@link CoverageSql}; the lists and summaries read every cadre's
 * figures as {@link CoverageCurrent} materialized them (at most {@code ganxun.coverage.figures-max-age} old), a page
 * or a group at a time in the database; exports are streamed row by row.
 *
 * <p>Who sees what is {@link CadreAccess}: org department staff, approvers, managers and administrators every unit;
 * unit HR their unit and the units below it (asking for another unit is 403); a cadre their own light.
 */
@Service
@Transactional(readOnly = true)
public class CoverageReport {

    static final List<String> LIST_HEADER = List.of("干部编号", "姓名", "单位代码", "单位", "职级", "类别", "灯",
            "党的理论和党性教育学时", "近5年累计学时", "应训学时", "尚差学时", "原因");
    static final List<String> SUMMARY_HEADER = List.of("分组", "代码", "名称", "在职干部", "红灯", "黄灯", "绿灯", "参训人数",
            "参训率", "合格人数", "合格率");

    /** A summary row's figures over the cadres {@code f}, for one group or all of them. */
    private static final String SUMMARY_FIGURES = """
             COUNT(*) AS active_cadres,
             SUM(CASE WHEN f.light = 'RED' THEN 1 ELSE 0 END) AS red,
             SUM(CASE WHEN f.light = 'YELLOW' THEN 1 ELSE 0 END) AS yellow,
             SUM(CASE WHEN f.light = 'GREEN' THEN 1 ELSE 0 END) AS green,
             SUM(f.participated) AS participants,
             SUM(f.passed) AS passed""";

    private final JdbcClient jdbc;
    private final CoverageService coverage;
    private final CadreRepository cadres;
    private final UnitRepository units;
    private final CadreAccess access;
    private final CoverageCurrent current;

    CoverageReport(JdbcClient jdbc, CoverageService coverage, CadreRepository cadres, UnitRepository units,
            CadreAccess access, CoverageCurrent current) {
        this.jdbc = jdbc;
        this.coverage = coverage;
        this.cadres = cadres;
        this.units = units;
        this.access = access;
        this.current = current;
    }

    /** One cadre's light at {@code asOf}: roles first (403), then the cadre (404), then the unit (403). */
    CadreCoverage cadre(long cadreId, LocalDate asOf, Actor actor) {
        if (!cadreIdEquals(actor, cadreId)) {
            access.visibleUnits(actor);
        }
        Cadre cadre = cadres.findById(cadreId).orElseThrow(() -> new NotFoundException("干部不存在：" + cadreId));
        access.requireVisible(actor, cadre);
        CoverageLight light = coverage.lightFor(cadreId, asOf);
        return new CadreCoverage(cadreId, cadre.profile().cadreNumber(), cadre.profile().name(), asOf, windowStart(asOf),
                light.light(), light.light().label(), light.partyHours(), light.totalHours(), light.requiredHours(),
                shortfall(light.requiredHours(), light.totalHours()), light.reason());
    }

    /** One page of active cadres matching the query, sorted in the database. */
    public CoveragePage page(CoverageQuery query, Actor actor) {
        Filter filter = filter(query, actor);
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + current.figures(query.asOf(), filter.cadres()) + ") f"
                        + filter.lights())
                .params(filter.params()).query(Long.class).single();
        List<CoverageRow> rows = jdbc.sql(listSql(query, filter) + " LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(CoverageReport::row)
                .list();
        return new CoveragePage(query.asOf(), windowStart(query.asOf()), rows, query.page(), query.size(), total);
    }

    /** Where an export goes, opened only once the request passed the access checks (so a refusal is plain JSON). */
    interface Sink {
        OutputStream open() throws IOException;
    }

    /** Every active cadre matching the query (paging ignored), in the query's order, as CSV streamed row by row. */
    void exportList(CoverageQuery query, Actor actor, Sink sink) throws IOException {
        Filter filter = filter(query, actor);
        CsvWriter csv = CsvWriter.start(sink.open(), LIST_HEADER);
        jdbc.sql(listSql(query, filter)).params(filter.params()).query((RowCallbackHandler) rs -> {
            CoverageRow row = row(rs, 0);
            csv.record(List.of(row.cadreNumber(), row.name(), row.unit().code(), row.unit().name(), row.rankLabel(),
                    row.categoryLabel(), row.lightLabel(), plain(row.partyHours()), plain(row.totalHours()),
                    row.requiredHours(), plain(row.shortfall()), row.reason()));
        });
        csv.flush();
    }

    /** Active cadres matching the query grouped by unit, rank or category (the light filter does not apply). */
    public CoverageSummary summary(CoverageQuery query, GroupBy groupBy, Actor actor) {
        return summary(query, groupBy, access.visibleUnits(actor));
    }

    /**
     * The total row of {@link #summary(CoverageQuery, GroupBy, Actor)} alone, counted in one pass without grouping
     * (what a home page shows: at 50,000 cadres this saves the grouping by unit, issue 8); the same access checks.
     */
    public SummaryRow total(CoverageQuery query, Actor actor) {
        Filter filter = filter(query, actor);
        return jdbc.sql("SELECT " + SUMMARY_FIGURES + " FROM (" + current.figures(query.asOf(), filter.cadres()) + ") f")
                .params(filter.params())
                .query((rs, n) -> summaryRow(null, "合计", rs))
                .single();
    }

    /**
     * The summary for a caller that decided itself which units the user may see (the portal dashboard, where unit
     * leaders see their unit tree's figures too): parameters as text, validated like the API's ({@code asOf}
     * {@code yyyy-MM-dd} or blank for today, {@code groupBy} unit / rank / category); a unit outside
     * {@code visibleUnits} (empty = every unit) is 403.
     */
    public CoverageSummary summary(String asOf, String unitId, String rank, String category, String groupBy,
            Optional<Set<Long>> visibleUnits) {
        GroupBy grouping = CoverageQuery.groupBy(groupBy);
        return summary(CoverageQuery.of(asOf, unitId, "true", rank, category, null, "0", "1", "light"), grouping,
                visibleUnits);
    }

    private CoverageSummary summary(CoverageQuery query, GroupBy groupBy, Optional<Set<Long>> visibleUnits) {
        Filter filter = filter(query, visibleUnits);
        String key = switch (groupBy) {
            case UNIT -> "u.code";
            case RANK -> "f.rank_level";
            case CATEGORY -> "f.category";
        };
        String order = switch (groupBy) {
            case UNIT -> "u.code";
            case RANK -> CoverageSql.rankOrder("f.rank_level");
            case CATEGORY -> "f.category";
        };
        List<SummaryRow> groups = new ArrayList<>(jdbc.sql("SELECT " + key + " AS group_key, MIN(u.name) AS unit_name, "
                        + SUMMARY_FIGURES + " FROM (" + current.figures(query.asOf(), filter.cadres())
                        + ") f JOIN unit u ON u.id = f.unit_id GROUP BY " + key + " ORDER BY MIN(" + order + ")")
                .params(filter.params())
                .query((rs, n) -> {
                    String groupKey = rs.getString("group_key");
                    String label = switch (groupBy) {
                        case UNIT -> rs.getString("unit_name");
                        case RANK -> Rank.valueOf(groupKey).label();
                        case CATEGORY -> Category.valueOf(groupKey).label();
                    };
                    return summaryRow(groupKey, label, rs);
                })
                .list());
        if (groupBy == GroupBy.CATEGORY) {
            groups.sort((a, b) -> Category.valueOf(a.key()).compareTo(Category.valueOf(b.key())));
        }
        SummaryRow total = summaryRow(null, "合计", sum(groups, SummaryRow::activeCadres), sum(groups, SummaryRow::red),
                sum(groups, SummaryRow::yellow), sum(groups, SummaryRow::green), sum(groups, SummaryRow::participants),
                sum(groups, SummaryRow::passed));
        return new CoverageSummary(query.asOf(), windowStart(query.asOf()), groupBy, List.copyOf(groups), total);
    }

    /** The summary as CSV, the total last. */
    void exportSummary(CoverageQuery query, GroupBy groupBy, Actor actor, Sink sink) throws IOException {
        CoverageSummary summary = summary(query, groupBy, actor);
        String grouping = switch (groupBy) {
            case UNIT -> "单位";
            case RANK -> "职级";
            case CATEGORY -> "类别";
        };
        CsvWriter csv = CsvWriter.start(sink.open(), SUMMARY_HEADER);
        List<SummaryRow> rows = new ArrayList<>(summary.groups());
        rows.add(summary.total());
        for (SummaryRow row : rows) {
            csv.record(List.of(row.key() == null ? "合计" : grouping, row.key() == null ? "" : row.key(), row.label(),
                    row.activeCadres(), row.red(), row.yellow(), row.green(), row.participants(),
                    percent(row.participationRate()), row.passed(), percent(row.passRate())));
        }
        csv.flush();
    }

    static LocalDate windowStart(LocalDate asOf) {
        return asOf.minusYears(CoverageLights.WINDOW_YEARS);
    }

    private String listSql(CoverageQuery query, Filter filter) {
        String direction = query.descending() ? " DESC" : " ASC";
        return "SELECT f.*, u.code AS unit_code, u.name AS unit_name FROM (" + current.figures(query.asOf(), filter.cadres())
                + ") f JOIN unit u ON u.id = f.unit_id" + filter.lights() + " ORDER BY " + query.sort().sql() + direction
                + query.sort().tieBreak();
    }

    /**
     * The cadres the query asks for within what the actor may see: active cadres of the visible units (403 for a
     * role that sees none, or a unit outside the actor's tree), of the given unit (with its sub-units unless
     * {@code subUnits=false}), rank and category; and the light as a condition on the figures.
     */
    private Filter filter(CoverageQuery query, Actor actor) {
        return filter(query, access.visibleUnits(actor));
    }

    private Filter filter(CoverageQuery query, Optional<Set<Long>> visible) {
        Optional<Set<Long>> wanted = Optional.ofNullable(query.unitId()).map(id -> {
            units.findById(id).orElseThrow(() -> InvalidInputException.of("unitId", "单位 unitId 不存在：" + id));
            return query.subUnits() ? units.withSubUnits(id) : Set.of(id);
        });
        if (visible.isPresent() && wanted.isPresent() && !visible.get().containsAll(wanted.get())) {
            throw new AccessDeniedException("无权访问：不能查看其他单位干部的应训情况");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("windowStart", windowStart(query.asOf()));
        params.put("asOf", query.asOf());
        StringBuilder cadreFilter = new StringBuilder("c.status = 'ACTIVE'");
        wanted.or(() -> visible).ifPresent(ids -> {
            cadreFilter.append(" AND c.unit_id IN (:unitIds)");
            params.put("unitIds", ids);
        });
        if (query.rank() != null) {
            cadreFilter.append(" AND c.rank_level = :rank");
            params.put("rank", query.rank().name());
        }
        if (query.category() != null) {
            cadreFilter.append(" AND c.category = :category");
            params.put("category", query.category().name());
        }
        String lights = "";
        if (query.light() != null) {
            lights = " WHERE f.light = :light";
            params.put("light", query.light().name());
        }
        return new Filter(cadreFilter.toString(), lights, params);
    }

    private record Filter(String cadres, String lights, Map<String, Object> params) {
    }

    private static CoverageRow row(ResultSet rs, int n) throws SQLException {
        Rank rank = Rank.valueOf(rs.getString("rank_level"));
        Category category = Category.valueOf(rs.getString("category"));
        CoverageLight light = CoverageLights.classify(rs.getLong("cadre_id"), rank, rs.getBigDecimal("party_hours"),
                rs.getBigDecimal("total_hours"));
        return new CoverageRow(light.cadreId(), rs.getString("cadre_number"), rs.getString("name"),
                new UnitRef(rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name")), rank,
                rank.label(), category, category.label(), light.light(), light.light().label(), light.partyHours(),
                light.totalHours(), light.requiredHours(), shortfall(light.requiredHours(), light.totalHours()),
                light.reason());
    }

    private static SummaryRow summaryRow(String key, String label, ResultSet rs) throws SQLException {
        return summaryRow(key, label, rs.getLong("active_cadres"), rs.getLong("red"), rs.getLong("yellow"),
                rs.getLong("green"), rs.getLong("participants"), rs.getLong("passed"));
    }

    private static SummaryRow summaryRow(String key, String label, long active, long red, long yellow, long green,
            long participants, long passed) {
        return new SummaryRow(key, label, active, red, yellow, green, participants, rate(participants, active), passed,
                rate(passed, participants));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static long sum(List<SummaryRow> rows, ToLongFunction<SummaryRow> field) {
        return rows.stream().mapToLong(field).sum();
    }

    private static BigDecimal shortfall(int required, BigDecimal total) {
        BigDecimal missing = BigDecimal.valueOf(required).subtract(total);
        return missing.signum() > 0 ? missing : BigDecimal.ZERO.setScale(1);
    }

    private static String plain(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? "" : rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }

    private static boolean cadreIdEquals(Actor actor, long cadreId) {
        return actor.cadreId() != null && actor.cadreId() == cadreId;
    }
}
