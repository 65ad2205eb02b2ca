package cn.ganxun.followup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;

/**
 * R27: the random sample of a class's trainees whose units the follow-up team visits.
 *
 * <p>This Javadoc is the audit contract; {@link #reproduces(long)} re-runs it from the stored rows.
 * <ol>
 * <li><b>Population</b>: every trainee on the class's roster who did not withdraw (enrollment status ENROLLED,
 * COMPLETED or INCOMPLETE), ordered by cadre number, with the unit the cadre belongs to at draw time. It is stored in
 * {@code sample_draw_member}: {@code population_pos} = 1, 2, … in that order, with the unit id.</li>
 * <li><b>Size</b>: with N trainees in U distinct units and the share s ({@code ganxun.follow-up.sample-share}, stored
 * in {@code sample_draw.sample_share}): size = min(N, max(ceil(s × N), U)) — the share, but at least one trainee per
 * unit.</li>
 * <li><b>Seed</b>: a fresh {@link SecureRandom} long at draw time, stored in {@code sample_draw.seed}.</li>
 * <li><b>Shuffle</b>: the population indexes 0 … N−1 (index = population_pos − 1) are shuffled with Fisher–Yates,
 * driven by {@code new java.util.Random(seed)}: for i from N−1 down to 1, j = random.nextInt(i + 1), swap the
 * elements at i and j.</li>
 * <li><b>One per unit</b>: walking the shuffled order, take each trainee whose unit is not yet represented.</li>
 * <li><b>Fill</b>: walking the shuffled order again, take the trainees not yet taken until the size is reached.</li>
 * <li><b>Result</b>: {@code sample_pos} = 1, 2, … in the order taken; NULL for trainees not sampled.</li>
 * </ol>
 * A redraw is a new draw (draw_no + 1, new seed, a reason); the earlier draw stays and {@code current_draw} moves to
 * the new one. Confirming the current draw creates one {@code unit_visit} per sampled trainee; after that no redraw.
 */
@Service
@EnableConfigurationProperties(FollowUpProperties.class)
public class SampleDrawService {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final FollowUpProperties properties;
    private final SecureRandom seeds = new SecureRandom();

    SampleDrawService(JdbcClient jdbc, JdbcTemplate batch, FollowUpProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.properties = properties;
    }

    /** The first draw of a follow-up; refused when the follow-up already has one. */
    @Transactional
    public SampleDraw draw(long followUpId, String actor) {
        lockOpenFollowUp(followUpId);
        if (drawCount(followUpId) > 0) {
            throw InvalidInputException.of("followUpId", "本次跟踪问效已抽样，如需重新抽样请说明理由（R27）");
        }
        return insertDraw(followUpId, 1, null, actor);
    }

    /** A new draw with a new seed; the reason is required; refused once the current draw is confirmed. */
    @Transactional
    public SampleDraw redraw(long followUpId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "重新抽样须说明理由（R27）");
        }
        if (reason.strip().length() > 1000) {
            throw InvalidInputException.of("reason", "重新抽样理由不超过1000字");
        }
        lockOpenFollowUp(followUpId);
        int draws = drawCount(followUpId);
        if (draws == 0) {
            throw InvalidInputException.of("followUpId", "本次跟踪问效尚未抽样，不能重新抽样");
        }
        if (current(followUpId).confirmed()) {
            throw InvalidInputException.of("followUpId", "抽样结果已确认并已安排走访，不能重新抽样（R27）");
        }
        jdbc.sql("UPDATE sample_draw SET current_draw = FALSE WHERE follow_up_id = ?").param(followUpId).update();
        return insertDraw(followUpId, draws + 1, reason.strip(), actor);
    }

    /**
     * Confirms the current draw and creates one unit visit per sampled trainee (status DUE, due on the follow-up's
     * visits date). Idempotent: a second call returns the same visits.
     *
     * @return the visit ids in sample order
     */
    @Transactional
    public List<Long> confirm(long followUpId, String actor) {
        lockOpenFollowUp(followUpId);
        SampleDraw current = current(followUpId);
        if (!current.confirmed()) {
            jdbc.sql("UPDATE sample_draw SET confirmed_by = ?, confirmed_at = ? WHERE id = ?")
                    .params(actor, Timestamp.valueOf(EngineClock.now()), current.id()).update();
            jdbc.sql("""
                    INSERT INTO unit_visit (follow_up_id, draw_id, cadre_id, unit_id, status, due_on)
                    SELECT f.id, m.draw_id, m.cadre_id, m.unit_id, 'DUE', f.visits_due_on
                      FROM sample_draw_member m JOIN sample_draw d ON d.id = m.draw_id JOIN follow_up f ON f.id = d.follow_up_id
                     WHERE m.draw_id = ? AND m.sample_pos IS NOT NULL""")
                    .param(current.id()).update();
        }
        return jdbc.sql("""
                SELECT v.id FROM unit_visit v JOIN sample_draw_member m ON m.draw_id = v.draw_id AND m.cadre_id = v.cadre_id
                 WHERE v.follow_up_id = ? ORDER BY m.sample_pos""")
                .param(followUpId).query(Long.class).list();
    }

    /** The current draw of a follow-up (404 when nothing was drawn yet). */
    public SampleDraw current(long followUpId) {
        return draws(followUpId, true).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("本次跟踪问效尚未抽样：" + followUpId));
    }

    /** Every draw of a follow-up, first draw first (the last one is the current). */
    public List<SampleDraw> history(long followUpId) {
        requireFollowUp(followUpId);
        return draws(followUpId, false);
    }

    /** Re-runs the documented algorithm from the stored seed, share and population; true when it gives the stored sample. */
    public boolean reproduces(long drawId) {
        Map<String, Object> draw = jdbc.sql("SELECT seed, sample_share FROM sample_draw WHERE id = ?").param(drawId)
                .query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("抽样记录不存在：" + drawId));
        List<long[]> members = jdbc.sql("""
                SELECT population_pos, unit_id, sample_pos FROM sample_draw_member WHERE draw_id = ? ORDER BY population_pos""")
                .param(drawId)
                .query((rs, n) -> new long[] {rs.getInt("population_pos"), rs.getLong("unit_id"),
                        rs.getObject("sample_pos") == null ? 0 : rs.getInt("sample_pos")})
                .list();
        List<Long> units = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i)[0] != i + 1) {
                return false;
            }
            units.add(members.get(i)[1]);
        }
        BigDecimal share = new BigDecimal(String.valueOf(draw.get("sample_share")));
        List<Integer> expected = select(units, ((Number) draw.get("seed")).longValue(), sampleSize(share, units));
        long[] positions = new long[members.size()];
        for (int k = 0; k < expected.size(); k++) {
            positions[expected.get(k)] = k + 1;
        }
        for (int i = 0; i < members.size(); i++) {
            if (positions[i] != members.get(i)[2]) {
                return false;
            }
        }
        return true;
    }

    /** size = min(N, max(ceil(share × N), number of distinct units)). */
    static int sampleSize(BigDecimal share, List<Long> units) {
        int byShare = share.multiply(BigDecimal.valueOf(units.size())).setScale(0, RoundingMode.CEILING).intValueExact();
        return Math.min(units.size(), Math.max(byShare, new HashSet<>(units).size()));
    }

    /**
     * The documented selection: Fisher–Yates shuffle of 0 … N−1 with {@code new Random(seed)}, first the first
     * trainee of each unit not yet represented, then the rest in shuffled order until {@code size}.
     *
     * @param units the unit of each population member, by population index
     * @return population indexes in the order taken
     */
    static List<Integer> select(List<Long> units, long seed, int size) {
        int n = units.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<Integer> taken = new ArrayList<>(size);
        boolean[] picked = new boolean[n];
        Set<Long> represented = new HashSet<>();
        for (int index : order) {
            if (taken.size() < size && represented.add(units.get(index))) {
                taken.add(index);
                picked[index] = true;
            }
        }
        for (int index : order) {
            if (taken.size() < size && !picked[index]) {
                taken.add(index);
                picked[index] = true;
            }
        }
        return taken;
    }

    private SampleDraw insertDraw(long followUpId, int drawNo, String reason, String actor) {
        List<SampledTrainee> population = jdbc.sql("""
                SELECT c.id, c.cadre_number, c.name, c.unit_id, u.name AS unit_name
                  FROM follow_up f JOIN enrollment e ON e.class_id = f.class_id
                  JOIN cadre c ON c.id = e.cadre_id JOIN unit u ON u.id = c.unit_id
                 WHERE f.id = ?""" + " AND " + FollowUpService.TRAINEES + " ORDER BY c.cadre_number")
                .param(followUpId)
                .query((rs, n) -> new SampledTrainee(rs.getLong("id"), rs.getString("cadre_number"), rs.getString("name"),
                        rs.getLong("unit_id"), rs.getString("unit_name")))
                .list();
        if (population.isEmpty()) {
            throw InvalidInputException.rule("R27", "followUpId", "本班没有可抽取的学员");
        }
        long seed = seeds.nextLong();
        BigDecimal share = properties.sampleShare();
        List<Long> units = population.stream().map(SampledTrainee::unitId).toList();
        List<Integer> taken = select(units, seed, sampleSize(share, units));
        Integer[] samplePos = new Integer[population.size()];
        for (int k = 0; k < taken.size(); k++) {
            samplePos[taken.get(k)] = k + 1;
        }
        jdbc.sql("""
                INSERT INTO sample_draw (follow_up_id, draw_no, seed, sample_share, reason, drawn_by, drawn_at, current_draw)
                VALUES (?, ?, ?, ?, ?, ?, ?, TRUE)""")
                .params(followUpId, drawNo, seed, share, reason, actor, Timestamp.valueOf(EngineClock.now())).update();
        long drawId = jdbc.sql("SELECT id FROM sample_draw WHERE follow_up_id = ? AND draw_no = ?")
                .params(followUpId, drawNo).query(Long.class).single();
        List<Object[]> rows = new ArrayList<>(population.size());
        for (int i = 0; i < population.size(); i++) {
            SampledTrainee t = population.get(i);
            rows.add(new Object[] {drawId, t.cadreId(), t.unitId(), i + 1, samplePos[i]});
        }
        batch.batchUpdate("""
                INSERT INTO sample_draw_member (draw_id, cadre_id, unit_id, population_pos, sample_pos) VALUES (?, ?, ?, ?, ?)""",
                rows);
        return current(followUpId);
    }

    private List<SampleDraw> draws(long followUpId, boolean currentOnly) {
        Map<Long, List<SampledTrainee>> samples = new LinkedHashMap<>();
        Map<Long, Integer> populations = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT m.draw_id, m.sample_pos, c.id, c.cadre_number, c.name, m.unit_id, u.name AS unit_name
                  FROM sample_draw d JOIN sample_draw_member m ON m.draw_id = d.id
                  JOIN cadre c ON c.id = m.cadre_id JOIN unit u ON u.id = m.unit_id
                 WHERE d.follow_up_id = ?""" + (currentOnly ? " AND d.current_draw = TRUE" : "")
                + " ORDER BY m.draw_id, m.sample_pos")
                .param(followUpId)
                .query(rs -> {
                    long drawId = rs.getLong("draw_id");
                    populations.merge(drawId, 1, Integer::sum);
                    List<SampledTrainee> sample = samples.computeIfAbsent(drawId, k -> new ArrayList<>());
                    if (rs.getObject("sample_pos") != null) {
                        sample.add(new SampledTrainee(rs.getLong("id"), rs.getString("cadre_number"), rs.getString("name"),
                                rs.getLong("unit_id"), rs.getString("unit_name")));
                    }
                });
        return jdbc.sql("""
                SELECT id, draw_no, seed, sample_share, reason, drawn_by, drawn_at, confirmed_at FROM sample_draw
                 WHERE follow_up_id = ?""" + (currentOnly ? " AND current_draw = TRUE" : "") + " ORDER BY draw_no")
                .param(followUpId)
                .query((rs, n) -> new SampleDraw(rs.getLong("id"), followUpId, rs.getInt("draw_no"), rs.getLong("seed"),
                        rs.getBigDecimal("sample_share"), populations.getOrDefault(rs.getLong("id"), 0),
                        List.copyOf(samples.getOrDefault(rs.getLong("id"), List.of())), rs.getString("reason"),
                        rs.getString("drawn_by"), rs.getTimestamp("drawn_at").toInstant(), rs.getTimestamp("confirmed_at") != null))
                .list();
    }

    private int drawCount(long followUpId) {
        return jdbc.sql("SELECT COUNT(*) FROM sample_draw WHERE follow_up_id = ?").param(followUpId).query(Integer.class)
                .single();
    }

    private void requireFollowUp(long followUpId) {
        if (jdbc.sql("SELECT COUNT(*) FROM follow_up WHERE id = ?").param(followUpId).query(Integer.class).single() == 0) {
            throw new NotFoundException("跟踪问效不存在：" + followUpId);
        }
    }

    /** Serialises draws and confirmations of one follow-up; refuses a closed follow-up. */
    private void lockOpenFollowUp(long followUpId) {
        String status = jdbc.sql("SELECT status FROM follow_up WHERE id = ? FOR UPDATE").param(followUpId)
                .query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("跟踪问效不存在：" + followUpId));
        if (!"OPEN".equals(status)) {
            throw InvalidInputException.of("followUpId", "本次跟踪问效已结束，不能再抽样或安排走访");
        }
    }
}
