package cn.ganxun.portal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.archive.ArchiveService;
import cn.ganxun.archive.TrainingArchive.YearFigures;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.classdossier.ClassListService;
import cn.ganxun.coverage.CoverageLight;
import cn.ganxun.coverage.CoverageQuery;
import cn.ganxun.coverage.CoverageReport;
import cn.ganxun.coverage.CoverageService;
import cn.ganxun.coverage.CoverageViews.SummaryRow;
import cn.ganxun.credits.CreditStanding;
import cn.ganxun.credits.CreditStandings;
import cn.ganxun.dashboard.HeadlineFigures;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * The figures on a role's portal home, each with the portal list behind it. One statement (or one existing service
 * call) per figure: coverage lights from {@link CoverageReport} (the summary's total alone), a trainee's light from
 * {@link CoverageService}, credits from {@link CreditStandings}, hours from the training archive, the caller's open and
 * overdue tasks in one statement ({@link MyTasks}); the dispatch, filing, follow-up and feedback counts from their
 * tables. A user with several roles gets each role's figures; administrators get the org department's and the
 * manager's.
 */
@Service
@Transactional(readOnly = true)
class HomeFigures {

    /** Feedback reports this recent count as new on the unit HR home (R30). */
    static final int NEW_FEEDBACK_DAYS = 30;
    /** The dashboard's drill-down list page, by view. */
    static final String LIST = "/portal/list.html?view=";

    private final JdbcClient jdbc;
    private final MyTasks tasks;
    private final CoverageReport coverage;
    private final CoverageService lights;
    private final CreditStandings credits;
    private final ArchiveService archives;
    private final UnitRepository units;
    private final HeadlineFigures headlines;
    private final ClassListService classes;

    HomeFigures(JdbcClient jdbc, MyTasks tasks, CoverageReport coverage, CoverageService lights,
            CreditStandings credits, ArchiveService archives, UnitRepository units, HeadlineFigures headlines,
            ClassListService classes) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.coverage = coverage;
        this.lights = lights;
        this.credits = credits;
        this.archives = archives;
        this.units = units;
        this.headlines = headlines;
        this.classes = classes;
    }

    /** One figure: which role it is for, a stable key, a Chinese label, the value and the portal link behind it. */
    record Figure(String role, String key, String label, Object value, String link) {
    }

    record Figures(String userId, List<Figure> figures) {
    }

    Figures of(Actor actor) {
        List<Figure> figures = new ArrayList<>();
        MyTasks.Counts open = tasks.counts(actor);
        figures.add(new Figure("all", "tasks.open", "我的待办", open.total(), "/portal/index.html#tasks"));
        figures.add(new Figure("all", "tasks.overdue", "逾期待办", open.overdue(), "/portal/index.html#tasks"));
        if (has(actor, Groups.ORG_DEPT) || has(actor, Groups.ORG_DEPT_HEAD) || actor.isAdmin()) {
            orgDepartment(figures);
        }
        if (has(actor, Groups.APPROVER)) {
            approvals(Groups.APPROVER, figures);
        }
        if (has(actor, Groups.INSTITUTION) && actor.institutionId() != null) {
            institution(actor, actor.institutionId(), figures);
        }
        if (has(actor, Groups.UNIT_HR) && actor.unitId() != null) {
            unit(actor, figures);
        }
        if (has(actor, Groups.TRAINEE) && actor.cadreId() != null) {
            trainee(actor, figures);
        }
        if (has(actor, Groups.FOLLOW_UP_TEAM) || has(actor, Groups.FOLLOW_UP_LEAD)) {
            followUp(has(actor, Groups.FOLLOW_UP_LEAD) ? Groups.FOLLOW_UP_LEAD : Groups.FOLLOW_UP_TEAM, figures);
        }
        if (has(actor, Groups.MANAGER) || actor.isAdmin()) {
            manager(actor, figures);
        }
        return new Figures(actor.userId(), List.copyOf(figures));
    }

    private void orgDepartment(List<Figure> figures) {
        approvals(Groups.ORG_DEPT, figures);
        HeadlineFigures.Due mandates = headlines.unansweredMandates(Optional.empty());
        figures.add(new Figure(Groups.ORG_DEPT, "mandates.pastDeadline", "调训已过截止未响应（R8、R9）", mandates.overdue(),
                LIST + "mandates&pastDeadline=true"));
    }

    /** The dashboard's approvals figure (R13): filings waiting for the approver, and those past the due date. */
    private void approvals(String role, List<Figure> figures) {
        HeadlineFigures.Due approvals = headlines.approvals();
        figures.add(new Figure(role, "approvals.pending", "待审批的办班申报", approvals.open(), LIST + "approvals"));
        figures.add(new Figure(role, "approvals.overdue", "超期未审批的办班申报", approvals.overdue(),
                LIST + "approvals&overdue=true"));
    }

    private void institution(Actor actor, long institutionId, List<Figure> figures) {
        String role = Groups.INSTITUTION;
        classes.stages(actor, new ClassListService.Request(null, String.valueOf(institutionId), null, null)).stream()
                .filter(stage -> stage.count() > 0)
                .forEach(stage -> figures.add(new Figure(role, "classes." + stage.stage(), "本机构" + stage.label() + "的培训班",
                        stage.count(), "/portal/classes.html?institutionId=" + institutionId + "&stage=" + stage.stage())));
        String seminarsDue = """
                SELECT COUNT(*) FROM follow_up f JOIN training_class k ON k.id = f.class_id
                 WHERE k.institution_id = :institutionId AND f.status = 'OPEN'
                   AND NOT EXISTS (SELECT 1 FROM follow_up_seminar s WHERE s.follow_up_id = f.id)""";
        String link = "/portal/classes.html?institutionId=" + institutionId + "&stage=FOLLOWING_UP";
        figures.add(new Figure(role, "seminars.due", "待举办的训后研讨会（R26）", jdbc.sql(seminarsDue)
                .param("institutionId", institutionId).query(Long.class).single(), link));
        figures.add(new Figure(role, "seminars.overdue", "逾期未举办的训后研讨会（R26）", jdbc.sql(seminarsDue
                + " AND f.seminar_due_on < :today").param("institutionId", institutionId)
                .param("today", EngineClock.today()).query(Long.class).single(), link));
    }

    private void unit(Actor actor, List<Figure> figures) {
        String role = Groups.UNIT_HR;
        long unitId = actor.unitId();
        String page = "/portal/unit.html?unitId=" + unitId;
        lightFigures(role, actor, unitId, page + "&light=", figures);
        Set<Long> tree = units.withSubUnits(unitId);
        figures.add(new Figure(role, "nominations.open", "待报名的调训名额和待确认的点名调训",
                headlines.unansweredMandates(Optional.of(tree)).open(), page + "#nominations"));
        figures.add(new Figure(role, "feedback.new", "近" + NEW_FEEDBACK_DAYS + "天收到的结果反馈（R30）", jdbc.sql(
                "SELECT COUNT(*) FROM feedback_report WHERE unit_id IN (:units) AND created_at >= :since")
                .param("units", tree).param("since", EngineClock.now().minusDays(NEW_FEEDBACK_DAYS))
                .query(Long.class).single(), page + "#feedback"));
    }

    private void trainee(Actor actor, List<Figure> figures) {
        String role = Groups.TRAINEE;
        long cadreId = actor.cadreId();
        String page = "/portal/cadre.html?id=" + cadreId;
        int year = EngineClock.today().getYear();
        BigDecimal hours = archives.archive(cadreId, actor).growth().stream().filter(y -> y.year() == year)
                .map(YearFigures::hours).findFirst().orElse(BigDecimal.ZERO);
        figures.add(new Figure(role, "hours.thisYear", year + "年参训学时", hours, page + "#growth"));
        CoverageLight light = lights.lightFor(cadreId, EngineClock.today());
        figures.add(new Figure(role, "coverage.light", "近5年应训（R5、R6）", light.light().label(), page + "#coverage"));
        CreditStanding standing = credits.standing(cadreId, year);
        figures.add(new Figure(role, "credits.available", year + "年可用学分（R23 应达60）", standing.available(),
                page + "#credits"));
        figures.add(new Figure(role, "credits.standing", year + "年学分考核", standing.passed() ? "合格" : "未达标",
                page + "#credits"));
    }

    private void followUp(String role, List<Figure> figures) {
        String link = "/portal/classes.html?stage=FOLLOWING_UP";
        figures.add(new Figure(role, "visits.due", "待回访（R27）",
                count("SELECT COUNT(*) FROM unit_visit WHERE status = 'DUE'"), link));
        figures.add(new Figure(role, "visits.overdue", "逾期未回访（R27）", jdbc.sql(
                "SELECT COUNT(*) FROM unit_visit WHERE status = 'DUE' AND due_on < :today")
                .param("today", EngineClock.today()).query(Long.class).single(), link));
    }

    private void manager(Actor actor, List<Figure> figures) {
        String role = Groups.MANAGER;
        lightFigures(role, actor, null, "/portal/cadres.html?light=", figures);
        approvals(role, figures);
        figures.add(new Figure(role, "dashboard", "管理驾驶舱：覆盖、参训率、审批时效、跟踪问效", null, "/portal/dashboard.html"));
    }

    /** RED / YELLOW / GREEN of the unit tree (or every unit): the coverage summary's total, counted alone (R5). */
    private void lightFigures(String role, Actor actor, Long unitId, String link, List<Figure> figures) {
        SummaryRow total = coverage.total(CoverageQuery.of(null, unitId == null ? null : unitId.toString(), "true",
                null, null, null, "0", "1", "light"), actor);
        boolean filter = link.endsWith("=");
        figures.add(new Figure(role, "coverage.red", "红灯干部（未接受系统党性教育）", total.red(), filter ? link + "RED" : link));
        figures.add(new Figure(role, "coverage.yellow", "黄灯干部（学时不足）", total.yellow(), filter ? link + "YELLOW" : link));
        figures.add(new Figure(role, "coverage.green", "绿灯干部（学时达标）", total.green(), filter ? link + "GREEN" : link));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static boolean has(Actor actor, String group) {
        return actor.groups().contains(group);
    }
}
