package cn.ganxun.makeup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Make-up training (补训, R21): trainees whose confirmed result says they did not complete the class (INCOMPLETE)
 * or failed it (FAILED) go on a list; the org department places each of them in a later class. Placing records
 * the decision only — the later class's roster is not changed here (dispatch adds them to it in a later issue).
 */
@Service
public class MakeUpService {

    /** Candidate group of the placement task. */
    public static final String PLACING_GROUP = Groups.ORG_DEPT;

    private static final Set<String> PLACEABLE_STATUS = Set.of("APPROVED", "RECORDED");

    private static final String COLUMNS = """
            SELECT m.id, m.class_id, tc.class_number, tc.title, tc.end_date, m.cadre_id, c.cadre_number, c.name,
                   m.reason, m.placed_class_id, pc.class_number AS placed_class_number, m.placed_by, m.placed_at,
                   m.created_at
              FROM make_up_training m
              JOIN training_class tc ON tc.id = m.class_id
              JOIN cadre c ON c.id = m.cadre_id
              LEFT JOIN training_class pc ON pc.id = m.placed_class_id""";

    private final JdbcClient jdbc;

    MakeUpService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Puts every trainee of the class whose confirmed result is not completed (INCOMPLETE) or FAIL (FAILED) on the
     * make-up list. Idempotent: a trainee already listed for the class is left as is (unique (class, cadre)).
     *
     * @return the class's make-up entries
     */
    @Transactional
    public List<MakeUpEntry> listFor(long classId) {
        jdbc.sql("""
                INSERT INTO make_up_training (class_id, cadre_id, reason, created_at)
                SELECT r.class_id, r.cadre_id, CASE WHEN r.completed = FALSE THEN 'INCOMPLETE' ELSE 'FAILED' END, ?
                  FROM assessment_result r
                 WHERE r.class_id = ? AND r.confirmed_at IS NOT NULL
                   AND (r.completed = FALSE OR r.grade = 'FAIL')
                   AND NOT EXISTS (SELECT 1 FROM make_up_training m WHERE m.class_id = r.class_id AND m.cadre_id = r.cadre_id)""")
                .params(Timestamp.valueOf(EngineClock.now()), classId)
                .update();
        return forClass(classId);
    }

    public List<MakeUpEntry> forClass(long classId) {
        return jdbc.sql(COLUMNS + " WHERE m.class_id = ? ORDER BY c.cadre_number").param(classId)
                .query(MakeUpService::map).list();
    }

    /**
     * Places trainees as the placement form holds them: one "干部编号，补训班次编号" per line. All lines or none:
     * every bad line is named (unknown cadre or class, not on this class's list, a refused placement).
     *
     * @return how many were placed
     */
    @Transactional
    public int placeFromForm(long classId, String lines, Actor actor) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        int placed = 0;
        String[] rows = lines == null ? new String[0] : lines.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].trim();
            if (row.isEmpty()) {
                continue;
            }
            String where = "补训安排第" + (i + 1) + "行";
            String[] parts = row.split("[，,\\t\\s]+");
            if (parts.length != 2) {
                problems.add(new InvalidInputException.Problem("placements", where + "应为“干部编号，补训班次编号”"));
                continue;
            }
            MakeUpEntry entry = forClass(classId).stream().filter(e -> e.cadreNumber().equals(parts[0])).findFirst()
                    .orElse(null);
            Long laterClassId = jdbc.sql("SELECT id FROM training_class WHERE class_number = ?").param(parts[1])
                    .query(Long.class).optional().orElse(null);
            if (entry == null) {
                problems.add(new InvalidInputException.Problem("placements", where + "：" + parts[0] + " 不在本班补训名单中"));
            } else if (laterClassId == null) {
                problems.add(new InvalidInputException.Problem("placements", where + "：班次编号不存在 " + parts[1]));
            } else {
                try {
                    place(entry.id(), laterClassId, actor);
                    placed++;
                } catch (InvalidInputException e) {
                    problems.add(new InvalidInputException.Problem("placements", where + "：" + e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return placed;
    }

    /** Markdown for the placement task: the class's make-up list with reasons and placements so far. */
    public String summary(long classId) {
        StringBuilder md = new StringBuilder("| 干部编号 | 姓名 | 原因 | 已安排班次 |\n| --- | --- | --- | --- |\n");
        for (MakeUpEntry entry : forClass(classId)) {
            md.append("| ").append(entry.cadreNumber()).append(" | ").append(entry.cadreName()).append(" | ")
                    .append(entry.reasonLabel()).append(" | ")
                    .append(entry.placed() ? entry.placedClassNumber() : "—").append(" |\n");
        }
        return md.toString();
    }

    /** Everybody still waiting for a later class, oldest first. */
    public List<MakeUpEntry> pending() {
        return jdbc.sql(COLUMNS + " WHERE m.placed_class_id IS NULL ORDER BY m.created_at, m.id")
                .query(MakeUpService::map).list();
    }

    public MakeUpEntry find(long makeUpId) {
        return jdbc.sql(COLUMNS + " WHERE m.id = ?").param(makeUpId).query(MakeUpService::map).optional()
                .orElseThrow(() -> new NotFoundException("补训记录不存在：" + makeUpId));
    }

    /**
     * The org department places a listed trainee in a later class: it must be APPROVED or RECORDED and start after
     * the original class ended. Refusals are 400s naming the field. The later class's roster is not touched.
     */
    @Transactional
    public MakeUpEntry place(long makeUpId, long laterClassId, Actor actor) {
        actor.requireAnyGroup(PLACING_GROUP);
        MakeUpEntry entry = find(makeUpId);
        if (entry.placed()) {
            throw InvalidInputException.rule("R21", "makeUpId", "该学员已安排到补训班次 " + entry.placedClassNumber());
        }
        LaterClass later = jdbc.sql("SELECT class_number, status, start_date FROM training_class WHERE id = ?")
                .param(laterClassId)
                .query((rs, n) -> new LaterClass(rs.getString("class_number"), rs.getString("status"),
                        rs.getDate("start_date").toLocalDate()))
                .optional()
                .orElseThrow(() -> InvalidInputException.of("laterClassId", "补训班次不存在：" + laterClassId));
        if (!PLACEABLE_STATUS.contains(later.status())) {
            throw InvalidInputException.rule("R21", "laterClassId",
                    "补训班次 " + later.number() + " 须为已批准或已备案的班次（当前状态 " + later.status() + "）");
        }
        if (!later.start().isAfter(entry.classEndDate())) {
            throw InvalidInputException.rule("R21", "laterClassId", "补训班次 " + later.number() + " 须在原班次结束（"
                    + entry.classEndDate() + "）之后开班，实际开班日期 " + later.start());
        }
        int updated = jdbc.sql("""
                UPDATE make_up_training SET placed_class_id = ?, placed_by = ?, placed_at = ?
                 WHERE id = ? AND placed_class_id IS NULL""")
                .params(laterClassId, actor.userId(), Timestamp.valueOf(EngineClock.now()), makeUpId)
                .update();
        if (updated == 0) {
            throw InvalidInputException.rule("R21", "makeUpId", "该学员已被他人同时安排，请刷新后查看");
        }
        return find(makeUpId);
    }

    private record LaterClass(String number, String status, LocalDate start) {
    }

    private static MakeUpEntry map(ResultSet rs, int row) throws SQLException {
        Timestamp placedAt = rs.getTimestamp("placed_at");
        String reason = rs.getString("reason");
        return new MakeUpEntry(rs.getLong("id"), rs.getLong("class_id"), rs.getString("class_number"), rs.getString("title"),
                rs.getDate("end_date").toLocalDate(), rs.getLong("cadre_id"), rs.getString("cadre_number"),
                rs.getString("name"), reason, MakeUpEntry.label(reason), rs.getObject("placed_class_id", Long.class),
                rs.getString("placed_class_number"), rs.getString("placed_by"),
                placedAt == null ? null : placedAt.toLocalDateTime(), toLocal(rs.getTimestamp("created_at")));
    }

    private static LocalDateTime toLocal(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
