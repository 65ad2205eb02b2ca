package cn.ganxun.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.CadreAccess;
import cn.ganxun.cadres.Unit;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.coverage.CoverageQuery;
import cn.ganxun.coverage.CoverageReport;
import cn.ganxun.coverage.CoverageViews.CoveragePage;
import cn.ganxun.feedback.Delivery;
import cn.ganxun.feedback.FeedbackDeliveries;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;

/**
 * A unit HR's view of their unit (and the units below it), also open to the org department, its head, approvers,
 * managers and administrators for any unit: the cadres with light and hours (the coverage list, R5/R6), the open
 * nominations (quota seats and named mandates awaiting the unit, R8/R9) and the results fed back to it (R30). Unit HR
 * asking for a unit outside their tree get 403; an unknown unit is 404 once the role is allowed.
 */
@Service
@Transactional(readOnly = true)
class UnitView {

    static final Map<String, String> MANDATE_STATUS = Map.of("NOTIFIED", "待单位确认", "SUBSTITUTION_REQUESTED", "申请替换待审批");

    private final JdbcClient jdbc;
    private final CadreAccess access;
    private final UnitRepository units;
    private final CoverageReport coverage;
    private final FeedbackDeliveries deliveries;

    UnitView(JdbcClient jdbc, CadreAccess access, UnitRepository units, CoverageReport coverage,
            FeedbackDeliveries deliveries) {
        this.jdbc = jdbc;
        this.access = access;
        this.units = units;
        this.coverage = coverage;
        this.deliveries = deliveries;
    }

    record UnitRef(long id, String code, String name) {
    }

    record Allocation(long id, long classId, String classNumber, String classTitle, LocalDate startDate, UnitRef unit,
            int seats, int seatsUsed, int seatsOpen, LocalDateTime deadline, boolean overdue) {
    }

    record Mandate(long id, long classId, String classNumber, String classTitle, LocalDate startDate, long cadreId,
            String cadreNumber, String cadreName, UnitRef unit, String status, String statusLabel,
            LocalDateTime deadline, boolean overdue) {
    }

    record Nominations(UnitRef unit, List<Allocation> allocations, List<Mandate> mandates) {
    }

    record Recipient(String recipient, String roleLabel, String status, LocalDateTime sentAt) {
    }

    record FeedbackLine(long reportId, long classId, String classNumber, String classTitle, UnitRef unit,
            String occasionLabel, String pdf, List<Recipient> recipients) {
    }

    record Feedback(UnitRef unit, List<FeedbackLine> items) {
    }

    /** Who may look at the unit: roles first (403), then the unit tree (403), then the unit itself (404). */
    Unit unit(Actor actor, long unitId) {
        Optional<Set<Long>> visible = access.visibleUnits(actor);
        if (visible.isPresent() && !visible.get().contains(unitId)) {
            throw new AccessDeniedException("无权访问：只能查看本单位及下级单位");
        }
        return units.findById(unitId).orElseThrow(() -> new NotFoundException("单位不存在：" + unitId));
    }

    /** The unit's active cadres with light and hours: the coverage list of the unit and the units below it. */
    CoveragePage cadres(Actor actor, long unitId, String rank, String category, String light, String page, String size,
            String sort) {
        unit(actor, unitId);
        return coverage.page(CoverageQuery.of(null, Long.toString(unitId), "true", rank, category, light,
                blank(page, "0"), blank(size, "20"), coverageSort(sort)), actor);
    }

    /** Open quota allocations of the unit tree and named mandates of its cadres still awaiting an answer. */
    Nominations nominations(Actor actor, long unitId) {
        Unit unit = unit(actor, unitId);
        Set<Long> tree = units.withSubUnits(unitId);
        LocalDateTime now = EngineClock.now();
        List<Allocation> allocations = jdbc.sql("""
                SELECT a.id, a.class_id, k.class_number, k.title, k.start_date, u.id AS unit_id, u.code, u.name,
                       a.seats, a.seats_used, a.deadline
                  FROM quota_allocation a JOIN training_class k ON k.id = a.class_id JOIN unit u ON u.id = a.unit_id
                 WHERE a.unit_id IN (:units) AND a.status = 'OPEN'
                 ORDER BY a.deadline, a.id""")
                .param("units", tree)
                .query((rs, n) -> {
                    LocalDateTime deadline = rs.getTimestamp("deadline").toLocalDateTime();
                    int seats = rs.getInt("seats");
                    int used = rs.getInt("seats_used");
                    return new Allocation(rs.getLong("id"), rs.getLong("class_id"), rs.getString("class_number"),
                            rs.getString("title"), rs.getDate("start_date").toLocalDate(), new UnitRef(rs.getLong("unit_id"),
                                    rs.getString("code"), rs.getString("name")),
                            seats, used, seats - used, deadline, deadline.isBefore(now));
                }).list();
        List<Mandate> mandates = jdbc.sql("""
                SELECT m.id, m.class_id, k.class_number, k.title, k.start_date, c.id AS cadre_id, c.cadre_number,
                       c.name AS cadre_name, u.id AS unit_id, u.code, u.name, m.status, r.enrollment_deadline
                  FROM named_mandate m JOIN cadre c ON c.id = m.cadre_id JOIN unit u ON u.id = c.unit_id
                  JOIN training_class k ON k.id = m.class_id JOIN class_roster r ON r.class_id = m.class_id
                 WHERE c.unit_id IN (:units) AND m.status IN ('NOTIFIED', 'SUBSTITUTION_REQUESTED')
                 ORDER BY r.enrollment_deadline, m.id""")
                .param("units", tree)
                .query((rs, n) -> {
                    LocalDateTime deadline = rs.getTimestamp("enrollment_deadline").toLocalDateTime();
                    String status = rs.getString("status");
                    return new Mandate(rs.getLong("id"), rs.getLong("class_id"), rs.getString("class_number"),
                            rs.getString("title"), rs.getDate("start_date").toLocalDate(), rs.getLong("cadre_id"),
                            rs.getString("cadre_number"), rs.getString("cadre_name"), new UnitRef(rs.getLong("unit_id"),
                                    rs.getString("code"), rs.getString("name")),
                            status, MANDATE_STATUS.get(status), deadline, deadline.isBefore(now));
                }).list();
        return new Nominations(ref(unit), allocations, mandates);
    }

    /**
     * The feedback reports addressed to the unit tree (R30), one line per report with its addressees' delivery state
     * and the feedback package's PDF link. Follows the feedback package's readers: org department, its head, managers,
     * administrators and the unit's HR (an approver is refused there).
     */
    Feedback feedback(Actor actor, long unitId) {
        Unit unit = unit(actor, unitId);
        Map<Long, FeedbackLine> reports = new LinkedHashMap<>();
        for (Delivery d : deliveries.list(actor, unitId, null, null)) {
            FeedbackLine line = reports.computeIfAbsent(d.reportId(), id -> new FeedbackLine(id, d.classId(),
                    d.classNumber(), d.classTitle(), new UnitRef(d.unitId(), null, d.unitName()), d.occasionLabel(),
                    "/api/feedback/reports/" + id + "/pdf", new ArrayList<>()));
            if (d.recipient() != null) {
                line.recipients().add(new Recipient(d.recipient(), d.recipientRoleLabel(), d.status(), d.sentAt()));
            }
        }
        return new Feedback(ref(unit), List.copyOf(reports.values()));
    }

    private static UnitRef ref(Unit unit) {
        return new UnitRef(unit.id(), unit.code(), unit.name());
    }

    /** The portal's {@code field} / {@code -field} as the coverage list's {@code field,asc|desc}. */
    static String coverageSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return "light";
        }
        String s = sort.strip();
        return s.startsWith("-") ? s.substring(1) + ",desc" : s;
    }

    private static String blank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
