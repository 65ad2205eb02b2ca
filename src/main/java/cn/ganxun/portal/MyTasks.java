package cn.ganxun.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;

/**
 * The caller's open Camunda tasks for the portal home: assigned to them, or unassigned with them or one of their groups
 * (role groups and the per-unit / per-institution groups such as {@code unit-hr-cd01}) as candidate. Ordered overdue
 * first, then by due date (tasks without one last), then by creation and id; paged in the database, never all loaded.
 *
 * <p>Two statements per page, read from the engine's runtime tables (issue 8: the engine's task query ORs the assignee
 * with the identity-link join, which PostgreSQL can only answer by joining every open task with its links, and four of
 * them took 0.5 s at 52,000 open tasks): the count with the overdue count in one pass, and the page with its process
 * names and business keys. "Mine" is two disjoint branches, each on the engine's own index: assigned to the caller
 * ({@code ACT_IDX_TASK_ASSIGNEE}), and unassigned with a candidate link to the caller or their groups
 * ({@code ACT_IDX_IDENT_LNK_USER}, {@code ACT_IDX_IDENT_LNK_GROUP}). The statements bypass the engine's authorization
 * check, so they list only what the check would let the caller read anyway: the engine grants a task's assignee and
 * each candidate user and group READ on it, and nothing else is ever listed (Ganxun writes no revoking authorizations).
 * Only active tasks count, as in Tasklist.
 */
@Service
class MyTasks {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;
    /** The engine's suspension state of an active task ({@code SuspensionState.ACTIVE}). */
    private static final int ACTIVE = 1;
    /** Overdue first, then by due date, tasks without one last, then by creation and id (H2 and PostgreSQL alike). */
    private static final String ORDER = "CASE WHEN %1$s.DUE_DATE_ IS NULL THEN 1 ELSE 0 END, %1$s.DUE_DATE_,"
            + " %1$s.CREATE_TIME_, %1$s.ID_";

    private final JdbcClient jdbc;

    MyTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One open task as the home page lists it; {@code id} is what Tasklist's link takes. */
    record TaskLine(String id, String name, String processName, String processDefinitionKey, String businessKey,
            Date created, Date due, boolean overdue, int priority) {
    }

    record TaskPage(List<TaskLine> items, int page, int size, long total, long overdue) {
    }

    /** One page of the task list: {@code page} from 0, {@code size} 1–200. */
    record Paging(int page, int size) {
    }

    /** Validated paging of the task list: {@code page} from 0 (default 0), {@code size} 1–200 (default 20). */
    static Paging paging(String page, String size) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        int p = number(page, 0, "page", "页码", problems);
        int s = number(size, DEFAULT_SIZE, "size", "每页条数", problems);
        if (problems.isEmpty() && p < 0) {
            problems.add(new InvalidInputException.Problem("page", "页码 page 不能小于 0"));
        }
        if (problems.isEmpty() && (s < 1 || s > MAX_SIZE)) {
            problems.add(new InvalidInputException.Problem("size", "每页条数 size 须在 1 到 " + MAX_SIZE + " 之间"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Paging(p, s);
    }

    /** How many open tasks the caller has, and how many of them are past their due date. */
    record Counts(long total, long overdue) {
    }

    TaskPage page(Actor actor, int page, int size) {
        LocalDateTime now = EngineClock.now();
        Counts counts = counts(actor, now);
        long first = (long) page * size;
        List<TaskLine> items = first >= counts.total() ? List.of() : lines(actor, first, size, now);
        return new TaskPage(items, page, size, counts.total(), counts.overdue());
    }

    /** The caller's open tasks and overdue tasks, counted in one pass. */
    Counts counts(Actor actor) {
        return counts(actor, EngineClock.now());
    }

    private Counts counts(Actor actor, LocalDateTime now) {
        return jdbc.sql("SELECT COUNT(*) AS total, SUM(CASE WHEN m.DUE_DATE_ < :now THEN 1 ELSE 0 END) AS overdue FROM ("
                        + mine(actor, "t.ID_, t.DUE_DATE_") + ") m")
                .params(params(actor)).param("now", now)
                .query((rs, n) -> new Counts(rs.getLong("total"), rs.getLong("overdue"))).single();
    }

    /** One page, sorted and cut in the database before its process names and business keys are joined. */
    private List<TaskLine> lines(Actor actor, long first, int size, LocalDateTime now) {
        Date overdueBefore = EngineClock.toDate(now);
        return jdbc.sql("SELECT p.ID_, p.NAME_, p.CREATE_TIME_, p.DUE_DATE_, p.PRIORITY_, d.KEY_ AS definition_key,"
                        + " d.NAME_ AS definition_name, e.BUSINESS_KEY_ AS business_key"
                        + " FROM (SELECT m.* FROM (" + mine(actor, "t.ID_, t.NAME_, t.CREATE_TIME_, t.DUE_DATE_,"
                        + " t.PRIORITY_, t.PROC_DEF_ID_, t.PROC_INST_ID_") + ") m ORDER BY " + ORDER.formatted("m")
                        + " LIMIT :size OFFSET :first) p"
                        + " LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_"
                        + " LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = p.PROC_INST_ID_"
                        + " ORDER BY " + ORDER.formatted("p"))
                .params(params(actor)).param("size", size).param("first", first)
                .query((rs, n) -> line(rs, overdueBefore)).list();
    }

    /**
     * The caller's open tasks as a union of two disjoint branches (assigned to the caller; unassigned, offered to the
     * caller or one of their groups), each answered from its own index; {@code columns} of {@code ACT_RU_TASK t}.
     */
    private static String mine(Actor actor, String columns) {
        return "SELECT " + columns + " FROM ACT_RU_TASK t WHERE t.ASSIGNEE_ = :user AND t.SUSPENSION_STATE_ = " + ACTIVE
                + " UNION ALL SELECT " + columns + " FROM ACT_RU_TASK t WHERE t.ASSIGNEE_ IS NULL"
                + " AND t.SUSPENSION_STATE_ = " + ACTIVE + " AND t.ID_ IN (SELECT i.TASK_ID_ FROM ACT_RU_IDENTITYLINK i"
                + " WHERE i.TYPE_ = 'candidate' AND (i.USER_ID_ = :user"
                + (actor.groups().isEmpty() ? "" : " OR i.GROUP_ID_ IN (:groups)") + "))";
    }

    private static Map<String, Object> params(Actor actor) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", actor.userId());
        if (!actor.groups().isEmpty()) {
            params.put("groups", actor.groups());
        }
        return params;
    }

    private static TaskLine line(ResultSet rs, Date overdueBefore) throws SQLException {
        Date due = date(rs.getTimestamp("DUE_DATE_"));
        String definitionName = rs.getString("definition_name");
        String definitionKey = rs.getString("definition_key");
        return new TaskLine(rs.getString("ID_"), rs.getString("NAME_"),
                definitionName != null ? definitionName : definitionKey, definitionKey, rs.getString("business_key"),
                date(rs.getTimestamp("CREATE_TIME_")), due, due != null && due.before(overdueBefore),
                rs.getInt("PRIORITY_"));
    }

    /** A plain {@link Date}, as the engine's task query gave ({@link Timestamp#equals} refuses a Date). */
    private static Date date(Timestamp timestamp) {
        return timestamp == null ? null : new Date(timestamp.getTime());
    }

    private static int number(String value, int fallback, String field, String label,
            List<InvalidInputException.Problem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.Problem(field, label + " " + field + " 须为整数：" + value));
            return fallback;
        }
    }
}
