package cn.ganxun.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.InvalidInputException;

/**
 * Coverage lights (R5) and required hours (R6) for a batch of cadres, counted over the rolling five years before
 * a day {@code asOf} (R4).
 *
 * <p>What counts:
 * <ul>
 * <li>The window is {@code (asOf − 5 years, asOf]}: an enrollment counts when its class ended (end_date) inside
 * it and the enrollment is COMPLETED. Enrolled, incomplete and withdrawn enrollments do not count.</li>
 * <li>The cadre's hours in a class are {@code enrollment.hours} (what the cadre attended; none recorded = 0).
 * {@code totalHours} is their sum.</li>
 * <li>A class counts as systematic party training (党的创新理论教育和党性教育, R5) when its curriculum has course
 * hours in PARTY_THEORY or PARTY_SPIRIT. The cadre's {@code partyHours} in such a class are their hours scaled by
 * the curriculum's party share: {@code enrollment.hours × party course hours ÷ all course hours}; classes without
 * party courses add nothing.</li>
 * <li>RED: {@code partyHours} = 0, i.e. no hours in any class with party-theory or party-spirit courses (R5).
 * YELLOW: party hours, but {@code totalHours} below 550 for county/division level and above, 500 otherwise,
 * judged by the cadre's current rank (R6). GREEN: the required hours are reached.</li>
 * <li>The cadre's status is not looked at: a retired cadre gets a light too; leaving them out of plans (R1) is
 * the caller's business.</li>
 * </ul>
 *
 * <p>Set-based: one SQL statement per {@value #IDS_PER_STATEMENT} cadres, whatever their training history; the
 * statement is {@link CoverageSql#figures}, which the watch snapshots and the figures {@link CoverageCurrent}
 * materializes for the lists and summaries share.
 */
@Service
public class CoverageService {

    /** Cadre ids bound into one statement; both databases take far more, this keeps statements a sane size. */
    static final int IDS_PER_STATEMENT = 1000;

    private static final String FIGURES = "SELECT f.cadre_id, f.rank_level, f.party_hours, f.total_hours FROM ("
            + CoverageSql.figures("c.id IN (:ids)") + ") f";

    private final JdbcClient jdbc;

    CoverageService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The light of each cadre, in the order given (duplicates once).
     *
     * @throws InvalidInputException when an id is null or names no cadre
     */
    @Transactional(readOnly = true)
    public Map<Long, CoverageLight> lightsFor(Collection<Long> cadreIds, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (cadreIds.stream().anyMatch(Objects::isNull)) {
            throw InvalidInputException.of("cadreIds", "干部 id 不能为空");
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(cadreIds));
        Map<Long, CoverageLight> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            jdbc.sql(FIGURES)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)))
                    .param("windowStart", asOf.minusYears(CoverageLights.WINDOW_YEARS))
                    .param("asOf", asOf)
                    .query((rs, n) -> CoverageLights.classify(rs.getLong("cadre_id"), Rank.valueOf(rs.getString("rank_level")),
                            rs.getBigDecimal("party_hours"), rs.getBigDecimal("total_hours")))
                    .list()
                    .forEach(light -> found.put(light.cadreId(), light));
        }
        List<Long> unknown = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw InvalidInputException.of("cadreIds", "干部不存在：id " + joined(unknown));
        }
        Map<Long, CoverageLight> lights = new LinkedHashMap<>();
        ids.forEach(id -> lights.put(id, found.get(id)));
        return lights;
    }

    /** The light of one cadre; see {@link #lightsFor(Collection, LocalDate)}. */
    @Transactional(readOnly = true)
    public CoverageLight lightFor(long cadreId, LocalDate asOf) {
        return lightsFor(List.of(cadreId), asOf).get(cadreId);
    }

    private static String joined(List<Long> ids) {
        return String.join("、", ids.stream().map(String::valueOf).toList());
    }
}
