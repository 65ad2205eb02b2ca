package cn.ganxun.credits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.ganxun.platform.InvalidInputException;

/**
 * The credit assessment of R23, set-based for one cadre or a whole population.
 * <p>
 * Definitions (per cadre, years are credit years of the ledger):
 * <ul>
 * <li>earned(Y) = the sum of the cadre's ledger entries of year Y (every source: classes, online courses, degree
 * study, approved rewards).</li>
 * <li>available(Y) = earned(Y) + surplus(Y − 1); surplus(Y) = max(0, available(Y) − 60). The surplus of a year is
 * carried one year forward, into the next year's available credits; there it counts towards that year's 60 and what
 * is still above 60 is that year's surplus. The chain starts in the cadre's first credit year with nothing carried
 * in. Example: 200 credits in 2025 and none after: available 200 (surplus 140) in 2025, 140 (80) in 2026, 80 (20) in
 * 2027, 20 in 2028 — failed.</li>
 * <li>The year is passed when available(Y) ≥ 60 (the annual pass of R23, used by R31 and R33).</li>
 * <li>The five-year total of Y = earned(Y − 4) + … + earned(Y) (earned credits only: carrying moves credits between
 * the years of the window, it does not add any); the five-year pass is a total ≥ 300.</li>
 * <li>A unit cannot be rated "advanced" in Y when 3 × failed ≥ active, i.e. a third or more of its active cadres (status
 * ACTIVE today, unit = their own unit, not the units below) failed Y; a unit without active cadres is not flagged.</li>
 * </ul>
 * One recursive SQL walks the years of every cadre of the population at once (no per-cadre loop), on H2 and
 * PostgreSQL alike; index {@code ix_credit_year_cadre} serves the yearly sums, {@code ix_cadre_unit_status} the unit
 * counts.
 */
@Service
public class CreditStandings {

    public static final BigDecimal ANNUAL_REQUIREMENT = BigDecimal.valueOf(60);
    public static final BigDecimal FIVE_YEAR_REQUIREMENT = BigDecimal.valueOf(300);
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    /**
     * The standing in {year} of every cadre of the population, which the caller's CTE {@code population (cadre_id,
     * unit_id)} names. The year and ids are written into the text as validated numbers, not bound: H2 evaluates a
     * recursive CTE with bind parameters once per statement text and then reuses the first call's rows.
     */
    private static final String STANDING = """
            WITH RECURSIVE
            population (cadre_id, unit_id) AS (%s),
            earned (cadre_id, credit_year, credits) AS (
                SELECT e.cadre_id, e.credit_year, SUM(e.credits)
                  FROM credit_entry e JOIN population p ON p.cadre_id = e.cadre_id
                 WHERE e.credit_year <= {year}
                 GROUP BY e.cadre_id, e.credit_year),
            firsts (cadre_id, first_year) AS (
                SELECT p.cadre_id, COALESCE(MIN(e.credit_year), {year})
                  FROM population p LEFT JOIN earned e ON e.cadre_id = p.cadre_id
                 GROUP BY p.cadre_id),
            chain (cadre_id, credit_year, earned, available) AS (
                SELECT f.cadre_id, f.first_year, CAST(COALESCE(e.credits, 0) AS DECIMAL(12,1)),
                       CAST(COALESCE(e.credits, 0) AS DECIMAL(12,1))
                  FROM firsts f LEFT JOIN earned e ON e.cadre_id = f.cadre_id AND e.credit_year = f.first_year
                UNION ALL
                SELECT c.cadre_id, c.credit_year + 1, CAST(COALESCE(e.credits, 0) AS DECIMAL(12,1)),
                       CAST(COALESCE(e.credits, 0) + GREATEST(c.available - %s, 0) AS DECIMAL(12,1))
                  FROM chain c LEFT JOIN earned e ON e.cadre_id = c.cadre_id AND e.credit_year = c.credit_year + 1
                 WHERE c.credit_year < {year}),
            five (cadre_id, credits) AS (
                SELECT cadre_id, SUM(credits) FROM earned WHERE credit_year > {year} - 5 GROUP BY cadre_id),
            standing (cadre_id, unit_id, earned, available, five_year) AS (
                SELECT p.cadre_id, p.unit_id, c.earned, c.available, CAST(COALESCE(v.credits, 0) AS DECIMAL(12,1))
                  FROM population p
                  JOIN chain c ON c.cadre_id = p.cadre_id AND c.credit_year = {year}
                  LEFT JOIN five v ON v.cadre_id = p.cadre_id)
            """.formatted("%s", ANNUAL_REQUIREMENT.toPlainString());

    private static String standing(String population, int year) {
        requireYear(year);
        return STANDING.formatted(population).replace("{year}", Integer.toString(year));
    }

    private static final String ONE_CADRE = "SELECT id, unit_id FROM cadre WHERE id = ";
    private static final String ACTIVE_CADRES = "SELECT id, unit_id FROM cadre WHERE status = 'ACTIVE'";

    private final JdbcClient jdbc;

    CreditStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cadre's standing in the year (a cadre without credits has earned 0 and failed). */
    public CreditStanding standing(long cadreId, int year) {
        return jdbc.sql(standing(ONE_CADRE + cadreId, year) + """
                SELECT cadre_id, earned, available, five_year FROM standing""")
                .query((rs, n) -> standing(rs, year)).single();
    }

    /**
     * Every unit's figures for the year, units ordered by code; {@code unitIds} empty means every unit. Units without
     * active cadres are listed with 0 and not flagged.
     */
    public List<UnitCreditStanding> units(int year, Set<Long> unitIds) {
        String scope = unitIds.isEmpty() ? "" : " WHERE u.id IN (:unitIds)";
        JdbcClient.StatementSpec sql = jdbc.sql(standing(ACTIVE_CADRES, year) + """
                SELECT u.id, u.code, u.name, COUNT(s.cadre_id) AS active_cadres,
                       COUNT(CASE WHEN s.available < %s THEN 1 END) AS failed_cadres
                  FROM unit u LEFT JOIN standing s ON s.unit_id = u.id""".formatted(ANNUAL_REQUIREMENT.toPlainString())
                + scope + " GROUP BY u.id, u.code, u.name ORDER BY u.code");
        if (!unitIds.isEmpty()) {
            sql = sql.param("unitIds", unitIds);
        }
        return sql.query((rs, n) -> unit(rs, year)).list();
    }

    static void requireYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw InvalidInputException.of("year", "年度须在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间：" + year);
        }
    }

    private static CreditStanding standing(ResultSet rs, int year) throws SQLException {
        BigDecimal earned = rs.getBigDecimal("earned").setScale(1);
        BigDecimal available = rs.getBigDecimal("available").setScale(1);
        BigDecimal fiveYear = rs.getBigDecimal("five_year").setScale(1);
        return new CreditStanding(rs.getLong("cadre_id"), year, earned, available.subtract(earned), available,
                available.compareTo(ANNUAL_REQUIREMENT) >= 0, available.subtract(ANNUAL_REQUIREMENT).max(BigDecimal.ZERO),
                fiveYear, fiveYear.compareTo(FIVE_YEAR_REQUIREMENT) >= 0);
    }

    private static UnitCreditStanding unit(ResultSet rs, int year) throws SQLException {
        int active = rs.getInt("active_cadres");
        int failed = rs.getInt("failed_cadres");
        BigDecimal share = active == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(failed).divide(BigDecimal.valueOf(active), 4, RoundingMode.HALF_UP);
        return new UnitCreditStanding(rs.getLong("id"), rs.getString("code"), rs.getString("name"), year, active, failed,
                share, active > 0 && 3 * failed >= active);
    }
}
