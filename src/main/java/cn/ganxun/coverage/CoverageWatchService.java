package cn.ganxun.coverage;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.cadres.Unit;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.notification.MailOutbox;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.AsApplication;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/**
 * The runs of {@code coverage-watch} (应训预警, R4–R7): each run writes every active cadre's light into
 * {@code coverage_snapshot} with one INSERT … SELECT over {@link CoverageSql#figures} (nothing is loaded into memory),
 * and warns each unit's HR of its red and yellow cadres (R7), once per (run, unit) and recipient through the outbox.
 */
@Service
public class CoverageWatchService {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageWatchService.class);

    private final JdbcClient jdbc;
    private final UnitRepository units;
    private final MailOutbox outbox;
    private final Directory directory;
    private final RuntimeService runtimeService;
    private final AsApplication asApplication;

    CoverageWatchService(JdbcClient jdbc, UnitRepository units, MailOutbox outbox, Directory directory,
            RuntimeService runtimeService, AsApplication asApplication) {
        this.jdbc = jdbc;
        this.units = units;
        this.outbox = outbox;
        this.directory = directory;
        this.runtimeService = runtimeService;
        this.asApplication = asApplication;
    }

    /**
     * Starts a run of {@code coverage-watch} now, outside its cycle: the org department only (403 otherwise); the lights
     * are computed by the process's first job.
     *
     * @param asOf        the day the rolling five years end, or null for today
     * @param scopeUnitId the unit whose tree is watched, or null for every unit (400 when it does not exist)
     * @return the process instance id
     */
    public String start(LocalDate asOf, Long scopeUnitId, Actor actor) {
        actor.requireAnyGroup(Groups.ORG_DEPT);
        if (scopeUnitId != null && units.findById(scopeUnitId).isEmpty()) {
            throw InvalidInputException.of("unitId", "单位不存在：id " + scopeUnitId);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(CoverageWatchProcess.Vars.AS_OF, asOf == null ? null : asOf.toString());
        variables.put(CoverageWatchProcess.Vars.SCOPE_UNIT_ID, scopeUnitId);
        variables.put(CoverageWatchProcess.Vars.INITIATOR, actor.userId());
        return asApplication.call(() -> runtimeService.startProcessInstanceByMessage(
                CoverageWatchProcess.Messages.WATCH_REQUESTED, variables).getId());
    }

    /** A run: its day, scope, counts per light and the units that have red or yellow cadres, by unit code. */
    public record Run(long id, LocalDate asOf, Long scopeUnitId, int cadres, int red, int yellow, int green,
            List<Long> warnedUnitIds) {
    }

    /**
     * Computes a run: the lights of the active cadres of every unit, or of {@code scopeUnitId} and the units below it,
     * over the rolling five years ending {@code asOf} (R4–R6). A second call for the same process instance (a retried
     * job) returns the run already made.
     *
     * @throws InvalidInputException when the scope unit does not exist
     */
    @Transactional
    public Run compute(LocalDate asOf, Long scopeUnitId, String startedBy, String processInstanceId) {
        Optional<Long> existing = processInstanceId == null ? Optional.empty()
                : jdbc.sql("SELECT id FROM coverage_run WHERE process_instance_id = ?").param(processInstanceId)
                        .query(Long.class).optional();
        if (existing.isPresent()) {
            return run(existing.get());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("windowStart", asOf.minusYears(CoverageLights.WINDOW_YEARS));
        params.put("asOf", asOf);
        String filter = "c.status = 'ACTIVE'";
        if (scopeUnitId != null) {
            units.findById(scopeUnitId)
                    .orElseThrow(() -> InvalidInputException.of("scopeUnitId", "单位不存在：id " + scopeUnitId));
            filter += " AND c.unit_id IN (:unitIds)";
            params.put("unitIds", units.withSubUnits(scopeUnitId));
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO coverage_run (as_of, scope_unit_id, started_by, process_instance_id, computed_at, cadre_count,
                                          red_count, yellow_count, green_count)
                VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0)""")
                .params(asOf, scopeUnitId, startedBy, processInstanceId, Timestamp.valueOf(EngineClock.now()))
                .update(key, "id");
        long runId = key.getKey().longValue();
        params.put("runId", runId);
        jdbc.sql("""
                INSERT INTO coverage_snapshot (run_id, cadre_id, unit_id, rank_level, category, light, party_hours,
                                               total_hours, required_hours)
                SELECT :runId, f.cadre_id, f.unit_id, f.rank_level, f.category, f.light, f.party_hours, f.total_hours,
                       f.required_hours
                FROM (""" + CoverageSql.figures(filter) + ") f")
                .params(params).update();
        jdbc.sql("""
                UPDATE coverage_run SET
                       cadre_count = (SELECT COUNT(*) FROM coverage_snapshot WHERE run_id = :runId),
                       red_count = (SELECT COUNT(*) FROM coverage_snapshot WHERE run_id = :runId AND light = 'RED'),
                       yellow_count = (SELECT COUNT(*) FROM coverage_snapshot WHERE run_id = :runId AND light = 'YELLOW'),
                       green_count = (SELECT COUNT(*) FROM coverage_snapshot WHERE run_id = :runId AND light = 'GREEN')
                 WHERE id = :runId""").param("runId", runId).update();
        Run run = run(runId);
        LOG.info("coverage run {} as of {}: {} cadres, {} red, {} yellow, {} green", runId, asOf, run.cadres(), run.red(),
                run.yellow(), run.green());
        return run;
    }

    /** A run by id. */
    @Transactional(readOnly = true)
    public Run run(long runId) {
        Run run = jdbc.sql("""
                SELECT id, as_of, scope_unit_id, cadre_count, red_count, yellow_count, green_count
                FROM coverage_run WHERE id = ?""")
                .param(runId)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
                        rs.getObject("scope_unit_id", Long.class), rs.getInt("cadre_count"), rs.getInt("red_count"),
                        rs.getInt("yellow_count"), rs.getInt("green_count"), List.of()))
                .optional()
                .orElseThrow(() -> new NotFoundException("应训预警批次不存在：" + runId));
        List<Long> warned = jdbc.sql("""
                SELECT s.unit_id FROM coverage_snapshot s JOIN unit u ON u.id = s.unit_id
                WHERE s.run_id = ? AND s.light IN ('RED', 'YELLOW')
                GROUP BY s.unit_id, u.code ORDER BY u.code""").param(runId).query(Long.class).list();
        return new Run(run.id(), run.asOf(), run.scopeUnitId(), run.cadres(), run.red(), run.yellow(), run.green(),
                warned);
    }

    /**
     * R7: mails the unit's HR (the unit's {@code hr_email} and the members of {@code unit-hr-<code>}) its red and yellow
     * cadres of the run, exactly once per recipient (outbox key {@code coverage-watch:<run>:<unit>}). A unit without
     * any HR address is logged and skipped: the org department sees its lists in the API.
     *
     * @return how many mails went out now
     */
    public int warnUnit(long runId, long unitId) {
        Run run = run(runId);
        Unit unit = units.findById(unitId).orElseThrow(() -> new NotFoundException("单位不存在：" + unitId));
        Set<String> recipients = new LinkedHashSet<>();
        if (unit.hrEmail() != null && !unit.hrEmail().isBlank()) {
            recipients.add(unit.hrEmail().strip());
        }
        recipients.addAll(directory.emailsOfGroup(Groups.unitHr(unit.code())));
        if (recipients.isEmpty()) {
            LOG.warn("coverage run {}: unit {} has no HR e-mail address; no warning sent", runId, unit.code());
            return 0;
        }
        List<Warned> warned = jdbc.sql("""
                SELECT c.cadre_number, c.name, s.rank_level, s.light, s.total_hours, s.required_hours
                FROM coverage_snapshot s JOIN cadre c ON c.id = s.cadre_id
                WHERE s.run_id = ? AND s.unit_id = ? AND s.light IN ('RED', 'YELLOW')
                ORDER BY CASE s.light WHEN 'RED' THEN 0 ELSE 1 END, s.total_hours, c.cadre_number""")
                .params(runId, unitId)
                .query((rs, n) -> new Warned(rs.getString("cadre_number"), rs.getString("name"),
                        Rank.valueOf(rs.getString("rank_level")), Light.valueOf(rs.getString("light")),
                        rs.getBigDecimal("total_hours"), rs.getInt("required_hours")))
                .list();
        long red = warned.stream().filter(w -> w.light() == Light.RED).count();
        String subject = "【应训预警】" + unit.name() + "：红灯" + red + "人，黄灯" + (warned.size() - red) + "人（截至" + run.asOf() + "）";
        return outbox.send("coverage-watch:" + runId + ":" + unitId, recipients, subject, body(unit, run, warned));
    }

    private static String body(Unit unit, Run run, List<Warned> warned) {
        StringBuilder text = new StringBuilder(unit.name() + "组织人事部门：\n\n")
                .append("截至").append(run.asOf()).append("，按近").append(CoverageLights.WINDOW_YEARS)
                .append("年应训学时统计（县处级及以上").append(CoverageLights.REQUIRED_HOURS_COUNTY_LEVEL).append("学时，其他干部")
                .append(CoverageLights.REQUIRED_HOURS_OTHERS).append("学时，R6），本单位以下干部需要关注（R7）：\n")
                .append("红灯：近5年未参加党的创新理论教育和党性教育，列为点名调训对象（R5）；黄灯：学时不足，优先调训。\n\n");
        List<String> lines = new ArrayList<>();
        for (Warned w : warned) {
            BigDecimal missing = BigDecimal.valueOf(w.requiredHours()).subtract(w.totalHours());
            lines.add(w.light().label() + "  " + w.cadreNumber() + "  " + w.name() + "  " + w.rank().label() + "  近5年"
                    + w.totalHours().stripTrailingZeros().toPlainString() + "学时，应达" + w.requiredHours() + "学时"
                    + (missing.signum() > 0 ? "，尚差" + missing.stripTrailingZeros().toPlainString() + "学时" : ""));
        }
        text.append(String.join("\n", lines)).append("\n\n请结合本单位轮训计划及早安排；红灯干部将由组织部点名调训。\n")
                .append("完整名单：GET /api/coverage/cadres?unitId=").append(unit.id()).append("&asOf=").append(run.asOf())
                .append("（导出：/api/coverage/cadres.csv）\n");
        return text.toString();
    }

    private record Warned(String cadreNumber, String name, Rank rank, Light light, BigDecimal totalHours,
            int requiredHours) {
    }
}
