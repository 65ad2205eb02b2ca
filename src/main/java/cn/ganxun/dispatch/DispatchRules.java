package cn.ganxun.dispatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.InvalidInputException;

/**
 * The dispatch rules (调训) for putting candidate cadres into a class, for named mandates (R8), quota seats (R9)
 * and the nomination picker. For each candidate:
 * <ul>
 * <li>R1 NOT_ACTIVE (BLOCK): the cadre is retired.</li>
 * <li>R9 OTHER_UNIT (BLOCK): a nominating unit is given and the cadre belongs to another unit. Without one (a
 * named mandate of the org department) this is not checked.</li>
 * <li>R10 DATE_OVERLAP (BLOCK), LONG_OFF_JOB_WITHIN_FIVE_YEARS and SAME_TOPIC_WITHIN_A_YEAR (OVERRIDABLE): see
 * {@link ScheduleRules}. Enrollments count when ENROLLED or COMPLETED; withdrawn and incomplete ones do not.</li>
 * <li>R10 UNIT_OVER_DISPATCHED (WARNING), for an off-the-job class only: the unit's active cadres already enrolled
 * in off-the-job classes overlapping [start − {@code ganxun.dispatch.over-dispatch-period}, end], plus the
 * candidates who are active cadres of the unit, would be more than {@code over-dispatch-max-share} of its active
 * cadres. The unit is the nominating unit (every candidate gets the warning) or, for a named mandate, each
 * candidate's own unit.</li>
 * </ul>
 *
 * <p>Set-based: a check makes at most five SQL statements (class, nominating unit, candidates, their other
 * enrollments, unit loads), whatever the number of candidates.
 */
@Service
@EnableConfigurationProperties(DispatchProperties.class)
public class DispatchRules {

    /** Candidates per check: more than any class roster, and a safe size for the IN lists of one statement. */
    static final int MAX_CANDIDATES = 1000;

    private final DispatchQueries queries;
    private final DispatchProperties properties;

    DispatchRules(DispatchQueries queries, DispatchProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /**
     * Checks candidates for a class.
     *
     * @param nominatingUnitId the unit nominating for its quota seats (R9), or null for a named mandate (R8)
     * @return every candidate, in the order given, with their breaches; an empty list means clear
     * @throws InvalidInputException when the class, the unit or a cadre does not exist, or the batch is too large
     */
    @Transactional(readOnly = true)
    public Map<Long, List<RuleBreach>> check(long classId, Long nominatingUnitId, Collection<Long> cadreIds) {
        Set<Long> ids = validIds(cadreIds);
        ScheduledClass target = queries.trainingClass(classId)
                .orElseThrow(() -> InvalidInputException.of("classId", "培训班不存在：id " + classId));
        String nominatingUnit = nominatingUnitId == null ? null : queries.unitName(nominatingUnitId)
                .orElseThrow(() -> InvalidInputException.of("nominatingUnitId", "推荐单位不存在：id " + nominatingUnitId));
        Map<Long, List<RuleBreach>> breaches = new LinkedHashMap<>();
        ids.forEach(id -> breaches.put(id, new ArrayList<>()));
        if (ids.isEmpty()) {
            return breaches;
        }
        Map<Long, Candidate> candidates = candidates(ids);
        for (Candidate candidate : candidates.values()) {
            List<RuleBreach> found = breaches.get(candidate.id());
            if (!candidate.active()) {
                found.add(RuleBreach.of(BreachCode.NOT_ACTIVE,
                        candidate.label() + "已退休，已退出各类培训计划（R1）", null));
            }
            if (nominatingUnitId != null && candidate.unitId() != nominatingUnitId) {
                found.add(RuleBreach.of(BreachCode.OTHER_UNIT, candidate.label() + "是" + candidate.unitName()
                        + "的干部，不是推荐单位" + nominatingUnit + "的干部；单位只能推荐本单位干部（R9）", null));
            }
        }
        queries.otherEnrollments(target, ids).stream()
                .collect(Collectors.groupingBy(OtherEnrollment::cadreId, LinkedHashMap::new, Collectors.toList()))
                .forEach((cadreId, others) -> breaches.get(cadreId).addAll(ScheduleRules.check(target, others)));
        if (target.offJob()) {
            warnOverDispatch(target, nominatingUnitId, candidates.values(), breaches);
        }
        Map<Long, List<RuleBreach>> result = new LinkedHashMap<>();
        breaches.forEach((id, found) -> result.put(id, List.copyOf(found)));
        return Collections.unmodifiableMap(result);
    }

    /** {@link #check(long, Long, Collection)} for one candidate. */
    @Transactional(readOnly = true)
    public List<RuleBreach> checkOne(long classId, Long nominatingUnitId, long cadreId) {
        return check(classId, nominatingUnitId, List.of(cadreId)).get(cadreId);
    }

    private void warnOverDispatch(ScheduledClass target, Long nominatingUnitId, Collection<Candidate> candidates,
            Map<Long, List<RuleBreach>> breaches) {
        Function<Candidate, Long> unitOf = c -> nominatingUnitId != null ? nominatingUnitId : c.unitId();
        LocalDate from = target.startDate().minus(properties.overDispatchPeriod());
        Set<Long> unitIds = candidates.stream().map(unitOf).collect(Collectors.toSet());
        Map<Long, UnitLoad> overloaded = queries.unitLoads(unitIds, breaches.keySet(), from, target.endDate()).stream()
                .filter(load -> load.exceeds(properties.overDispatchMaxShare()))
                .collect(Collectors.toMap(UnitLoad::unitId, Function.identity()));
        for (Candidate candidate : candidates) {
            UnitLoad load = overloaded.get(unitOf.apply(candidate));
            if (load != null) {
                breaches.get(candidate.id()).add(RuleBreach.of(BreachCode.UNIT_OVER_DISPATCHED, load.unitName() + "在"
                        + from + "至" + target.endDate() + "期间脱产培训将达" + load.awayCadres() + "人，超过在职干部"
                        + load.activeCadres() + "人的" + percent() + "%（最多" + load.limit(properties.overDispatchMaxShare())
                        + "人）；同一单位同一时段不宜过度调训（R10）", null));
            }
        }
    }

    private Map<Long, Candidate> candidates(Set<Long> ids) {
        Map<Long, Candidate> found = queries.candidates(ids).stream()
                .collect(Collectors.toMap(Candidate::id, Function.identity()));
        List<Long> unknown = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw InvalidInputException.of("cadreIds",
                    "干部不存在：id " + String.join("、", unknown.stream().map(String::valueOf).toList()));
        }
        Map<Long, Candidate> inOrder = new LinkedHashMap<>();
        ids.forEach(id -> inOrder.put(id, found.get(id)));
        return inOrder;
    }

    private String percent() {
        return properties.overDispatchMaxShare().movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static Set<Long> validIds(Collection<Long> cadreIds) {
        if (cadreIds.stream().anyMatch(Objects::isNull)) {
            throw InvalidInputException.of("cadreIds", "干部 id 不能为空");
        }
        Set<Long> ids = new LinkedHashSet<>(cadreIds);
        if (ids.size() > MAX_CANDIDATES) {
            throw InvalidInputException.of("cadreIds",
                    "一次最多检查" + MAX_CANDIDATES + "名干部，本次" + ids.size() + "名");
        }
        return ids;
    }
}
