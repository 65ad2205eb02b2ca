package cn.ganxun.dispatch;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Cadre;
import cn.ganxun.cadres.CadreRepository;
import cn.ganxun.cadres.Unit;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.ClassStatus;
import cn.ganxun.classes.DispatchMode;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * The roster phase of a class (R8, R9): the org department's seat plan, the lists the process fans out over,
 * and the final roster written as enrollments (R3a).
 */
@Service
public class RosterService {

    private final JdbcClient jdbc;
    private final ClassFilingService classes;
    private final CadreRepository cadres;
    private final UnitRepository units;
    private final DispatchRules rules;

    RosterService(JdbcClient jdbc, ClassFilingService classes, CadreRepository cadres, UnitRepository units,
            DispatchRules rules) {
        this.jdbc = jdbc;
        this.classes = classes;
        this.cadres = cadres;
        this.units = units;
        this.rules = rules;
    }

    /**
     * Opens the roster: one named mandate per named cadre, one quota allocation per unit. Refuses (400, nothing
     * written) a deadline in the past or after the start, unknown cadres or units, more seats than the class has,
     * a plan that does not fit the class's dispatch mode, and named cadres a rule blocks (R1, R10).
     */
    @Transactional
    public void open(long classId, RosterPlan plan, String openedBy) {
        TrainingClass trainingClass = classes.find(classId);
        validate(trainingClass, plan);
        LocalDateTime now = EngineClock.now();
        jdbc.sql("INSERT INTO class_roster (class_id, seats, seats_taken, enrollment_deadline, review_nominations, status, "
                        + "opened_by, opened_at) VALUES (?, ?, 0, ?, ?, 'OPEN', ?, ?)")
                .params(classId, trainingClass.plannedParticipants(), Timestamp.valueOf(plan.enrollmentDeadline()),
                        plan.reviewNominations(), openedBy, Timestamp.valueOf(now))
                .update();
        for (Long cadreId : plan.namedCadreIds()) {
            jdbc.sql("INSERT INTO named_mandate (class_id, cadre_id, original_cadre_id, status, created_at, updated_at) "
                            + "VALUES (?, ?, ?, 'NOTIFIED', ?, ?)")
                    .params(classId, cadreId, cadreId, Timestamp.valueOf(now), Timestamp.valueOf(now))
                    .update();
        }
        for (RosterPlan.UnitSeats allocation : plan.allocations()) {
            jdbc.sql("INSERT INTO quota_allocation (class_id, unit_id, seats, seats_used, deadline, status, created_at) "
                            + "VALUES (?, ?, ?, 0, ?, 'OPEN', ?)")
                    .params(classId, allocation.unitId(), allocation.seats(),
                            Timestamp.valueOf(plan.enrollmentDeadline()), Timestamp.valueOf(now))
                    .update();
        }
    }

    /** Whether the org department reviews each unit's nominations before they are final. */
    public boolean reviewsNominations(long classId) {
        return jdbc.sql("SELECT review_nominations FROM class_roster WHERE class_id = ?").param(classId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** The named mandates of a class, for the multi-instance call of {@code named-mandate}. */
    public List<Long> namedMandateIds(long classId) {
        return jdbc.sql("SELECT id FROM named_mandate WHERE class_id = ? ORDER BY id").param(classId).query(Long.class).list();
    }

    /** The quota allocations of a class, for the multi-instance call of {@code quota-mandate}. */
    public List<Long> allocationIds(long classId) {
        return jdbc.sql("SELECT id FROM quota_allocation WHERE class_id = ? ORDER BY id").param(classId).query(Long.class).list();
    }

    /**
     * Makes the roster final once every mandate and allocation is settled: each active nomination becomes an
     * enrollment (status ENROLLED, R3a), the roster is closed to further nominations.
     *
     * @return how many cadres are enrolled
     */
    @Transactional
    public int finalise(long classId) {
        long unsettled = jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM named_mandate WHERE class_id = :id AND status IN ('NOTIFIED', 'SUBSTITUTION_REQUESTED'))
                     + (SELECT COUNT(*) FROM quota_allocation WHERE class_id = :id AND status IN ('OPEN', 'NOMINATED'))
                """).param("id", classId).query(Long.class).single();
        if (unsettled > 0) {
            throw new IllegalStateException("class " + classId + " has " + unsettled + " unsettled mandates or allocations");
        }
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        int enrolled = jdbc.sql("""
                INSERT INTO enrollment (class_id, cadre_id, status, created_at)
                SELECT n.class_id, n.cadre_id, 'ENROLLED', :now FROM nomination n
                 WHERE n.class_id = :id AND n.status = 'ACTIVE'
                   AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.class_id = n.class_id AND e.cadre_id = n.cadre_id)
                """).param("id", classId).param("now", now).update();
        jdbc.sql("UPDATE class_roster SET status = 'FINAL', finalised_at = ? WHERE class_id = ?").params(now, classId).update();
        return enrolled;
    }

    /**
     * Reads the seat plan as the allocation form holds it: cadre numbers separated by commas, spaces or lines;
     * one "单位代码，名额" per line; the deadline as a date (end of that day) or date-time.
     */
    public RosterPlan planFromForm(String deadline, String namedCadreNumbers, String quotaLines, Boolean reviewNominations) {
        List<Problem> problems = new ArrayList<>();
        LocalDateTime due = parseDeadline(deadline, problems);
        List<Long> named = new ArrayList<>();
        if (namedCadreNumbers != null) {
            for (String number : namedCadreNumbers.split("[\\s,，、;；]+")) {
                if (number.isBlank()) {
                    continue;
                }
                cadres.findByNumber(number.trim()).ifPresentOrElse(c -> named.add(c.id()),
                        () -> problems.add(new Problem("namedCadres", "干部编号不存在：" + number.trim())));
            }
        }
        List<RosterPlan.UnitSeats> allocations = new ArrayList<>();
        if (quotaLines != null) {
            String[] lines = quotaLines.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("[，,\\t\\s]+");
                String where = "名额分配第" + (i + 1) + "行";
                if (parts.length != 2) {
                    problems.add(new Problem("quotaAllocations", where + "应为“单位代码，名额”"));
                    continue;
                }
                Unit unit = units.findByCode(parts[0].trim()).orElse(null);
                if (unit == null) {
                    problems.add(new Problem("quotaAllocations", where + "的单位代码不存在：" + parts[0].trim()));
                    continue;
                }
                try {
                    allocations.add(new RosterPlan.UnitSeats(unit.id(), Integer.parseInt(parts[1].trim())));
                } catch (NumberFormatException e) {
                    problems.add(new Problem("quotaAllocations", where + "的名额“" + parts[1].trim() + "”不是整数"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RosterPlan(due, named, allocations, Boolean.TRUE.equals(reviewNominations));
    }

    /** The seat plan as the allocation form's variables, so the REST API completes the same task as Tasklist. */
    public Map<String, Object> formVariables(RosterPlan plan) {
        List<String> numbers = new ArrayList<>();
        for (Long cadreId : plan.namedCadreIds()) {
            numbers.add(cadres.findById(cadreId)
                    .orElseThrow(() -> InvalidInputException.of("namedCadreIds", "干部不存在：" + cadreId))
                    .profile().cadreNumber());
        }
        List<String> lines = new ArrayList<>();
        for (RosterPlan.UnitSeats allocation : plan.allocations()) {
            lines.add(units.findById(allocation.unitId())
                    .orElseThrow(() -> InvalidInputException.of("allocations", "单位不存在：" + allocation.unitId()))
                    .code() + "，" + allocation.seats());
        }
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(TrainingClassProcess.Vars.ENROLLMENT_DEADLINE,
                plan.enrollmentDeadline() == null ? null : plan.enrollmentDeadline().toString());
        variables.put(TrainingClassProcess.Vars.NAMED_CADRES, String.join(",", numbers));
        variables.put(TrainingClassProcess.Vars.QUOTA_ALLOCATIONS, String.join("\n", lines));
        variables.put(TrainingClassProcess.Vars.REVIEW_NOMINATIONS, plan.reviewNominations());
        return variables;
    }

    private void validate(TrainingClass c, RosterPlan plan) {
        if (c.status() != ClassStatus.APPROVED && c.status() != ClassStatus.RECORDED) {
            throw InvalidInputException.of("classId", "只有已批准或已备案的班次可以安排调训（当前：" + c.status().label() + "）");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM class_roster WHERE class_id = ?").param(c.id()).query(Long.class).single() > 0) {
            throw InvalidInputException.of("classId", "该班次已安排调训");
        }
        List<Problem> problems = new ArrayList<>();
        LocalDateTime now = EngineClock.now();
        if (plan.enrollmentDeadline() == null) {
            problems.add(new Problem("enrollmentDeadline", "请填写报名截止时间"));
        } else if (!plan.enrollmentDeadline().isAfter(now)) {
            problems.add(new Problem("enrollmentDeadline", "报名截止时间已过"));
        } else if (!plan.enrollmentDeadline().toLocalDate().isBefore(c.startDate())) {
            problems.add(new Problem("enrollmentDeadline", "报名截止时间须早于开班日期（" + c.startDate() + "）"));
        }
        if (plan.namedCadreIds().isEmpty() && plan.allocations().isEmpty()) {
            problems.add(new Problem("allocations", "请至少点名一名干部或分配一个单位的名额"));
        }
        if (c.dispatchMode() == DispatchMode.NAMED && !plan.allocations().isEmpty()) {
            problems.add(new Problem("allocations", "本班调训方式为点名调训（R8），不能分配单位名额"));
        }
        if (c.dispatchMode() == DispatchMode.QUOTA && !plan.namedCadreIds().isEmpty()) {
            problems.add(new Problem("namedCadreIds", "本班调训方式为名额分配调训（R9），不能点名"));
        }
        if (plan.seatsWanted() > c.plannedParticipants()) {
            problems.add(new Problem("allocations", "点名人数与名额合计（" + plan.seatsWanted() + "）超过计划参训人数（"
                    + c.plannedParticipants() + "）"));
        }
        Set<Long> seenUnits = new HashSet<>();
        for (RosterPlan.UnitSeats allocation : plan.allocations()) {
            if (units.findById(allocation.unitId()).isEmpty()) {
                problems.add(new Problem("allocations", "单位不存在：" + allocation.unitId()));
            } else if (!seenUnits.add(allocation.unitId())) {
                problems.add(new Problem("allocations", "同一单位只能分配一次名额：" + allocation.unitId()));
            }
            if (allocation.seats() < 1) {
                problems.add(new Problem("allocations", "名额必须为正整数"));
            }
        }
        Set<Long> seenCadres = new HashSet<>();
        for (Long cadreId : plan.namedCadreIds()) {
            Cadre cadre = cadreId == null ? null : cadres.findById(cadreId).orElse(null);
            if (cadre == null) {
                problems.add(new Problem("namedCadreIds", "干部不存在：" + cadreId));
            } else if (!seenCadres.add(cadreId)) {
                problems.add(new Problem("namedCadreIds", "重复点名：" + cadre.profile().name()));
            }
        }
        if (problems.isEmpty() && !plan.namedCadreIds().isEmpty()) {
            Map<Long, List<RuleBreach>> breaches = rules.check(c.id(), null, plan.namedCadreIds());
            breaches.forEach((cadreId, list) -> list.stream().filter(b -> b.severity() == BreachSeverity.BLOCK)
                    .forEach(b -> problems.add(new Problem("namedCadreIds", b.ruleId() + "：" + b.message()))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static LocalDateTime parseDeadline(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem("enrollmentDeadline", "请填写报名截止时间"));
            return null;
        }
        try {
            return value.length() <= 10 ? LocalDate.parse(value).atTime(23, 59, 59) : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem("enrollmentDeadline", "报名截止时间格式错误：" + value));
            return null;
        }
    }
}
