package cn.ganxun.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.ganxun.credits.CreditAccess;
import cn.ganxun.credits.CreditStanding;
import cn.ganxun.credits.CreditStandings;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Training-use linkage answers (训用结合):
 * <ul>
 * <li>R31 — rated "excellent" in the annual appraisal of year Y: not when the cadre failed a training assessment in Y
 * (a confirmed assessment result or the enrollment's grade FAIL, for a class that ended in Y), nor when they failed
 * the year's credits (available credits below 60, see {@link CreditStandings}).</li>
 * <li>R33 — listed as an inspection candidate on a date: only when the cadre passed the credit assessment in both of
 * the last two completed years before that date (asked on 2028-05-01: 2026 and 2027).</li>
 * </ul>
 * Asked by the org department, managers and the HR of the cadre's unit (or a unit above it).
 */
@Service
public class EligibilityService {

    private final JdbcClient jdbc;
    private final CreditStandings standings;
    private final CreditAccess access;

    EligibilityService(JdbcClient jdbc, CreditStandings standings, CreditAccess access) {
        this.jdbc = jdbc;
        this.standings = standings;
        this.access = access;
    }

    /** R31: can the cadre be rated excellent in the year's annual appraisal? */
    public Eligibility excellent(long cadreId, Integer year, Actor actor) {
        requireAsker(actor, cadreId);
        if (year == null) {
            throw InvalidInputException.of("year", "请提供年度考核的年度 year，如 2027");
        }
        if (year > EngineClock.today().getYear()) {
            throw InvalidInputException.of("year", "年度尚未开始：" + year);
        }
        List<String> reasons = new ArrayList<>();
        List<String> failures = jdbc.sql("""
                SELECT k.class_number, k.title, k.end_date FROM training_class k
                 WHERE k.end_date BETWEEN ? AND ?
                   AND k.id IN (SELECT r.class_id FROM assessment_result r
                                 WHERE r.cadre_id = ? AND r.grade = 'FAIL' AND r.confirmed_at IS NOT NULL
                                UNION
                                SELECT e.class_id FROM enrollment e WHERE e.cadre_id = ? AND e.grade = 'FAIL')
                 ORDER BY k.end_date, k.class_number""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), cadreId, cadreId)
                .query((rs, n) -> "「" + rs.getString("title") + "」（" + rs.getString("class_number") + "，"
                        + rs.getDate("end_date").toLocalDate() + " 结业）")
                .list();
        if (failures.isEmpty()) {
            reasons.add("R31：" + year + "年无培训考核不合格记录");
        } else {
            reasons.add("R31：" + year + "年培训考核不合格：" + String.join("、", failures) + "，不能评为年度考核优秀");
        }
        CreditStanding standing = standings.standing(cadreId, year);
        reasons.add(standing.passed() ? "R31：" + credits(standing) + "，达到年度要求（R23）"
                : "R31：" + credits(standing) + "，未达到年度要求（R23），不能评为年度考核优秀");
        return new Eligibility(failures.isEmpty() && standing.passed(), reasons);
    }

    /** R33: can the cadre be listed as an inspection candidate on the date (null: today)? */
    public Eligibility inspectionCandidate(long cadreId, LocalDate asOf, Actor actor) {
        requireAsker(actor, cadreId);
        LocalDate date = asOf == null ? EngineClock.today() : asOf;
        List<String> reasons = new ArrayList<>();
        boolean eligible = true;
        for (int year = date.getYear() - 2; year < date.getYear(); year++) {
            CreditStanding standing = standings.standing(cadreId, year);
            eligible &= standing.passed();
            reasons.add("R33：" + credits(standing) + (standing.passed() ? "，达标" : "，未达标"));
        }
        reasons.add(eligible ? "R33：连续两年（" + (date.getYear() - 2) + "、" + (date.getYear() - 1) + "年度）学分考核达标，可列为考察对象"
                : "R33：须连续两年（" + (date.getYear() - 2) + "、" + (date.getYear() - 1) + "年度）学分考核达标，不能列为考察对象");
        return new Eligibility(eligible, reasons);
    }

    private void requireAsker(Actor actor, long cadreId) {
        if (!actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER, Groups.UNIT_HR)) {
            throw new AccessDeniedException("无权访问：资格查询仅对组织部门、领导和干部所在单位组织人事部门开放");
        }
        long unitId = access.unitOf(cadreId);
        if (!actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER) && !access.isUnitHrOf(actor, unitId)) {
            throw new AccessDeniedException("无权访问：该干部不属于本单位");
        }
    }

    private static String credits(CreditStanding s) {
        return s.year() + "年度可用学分 " + plain(s.available()) + "（本年 " + plain(s.earned()) + " + 上年结转 "
                + plain(s.carriedIn()) + "，须 " + plain(CreditStandings.ANNUAL_REQUIREMENT) + "）";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
