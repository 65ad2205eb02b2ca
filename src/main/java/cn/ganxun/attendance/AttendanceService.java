package cn.ganxun.attendance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.security.Actor;

/**
 * Attendance (考勤, R16): teaching sessions of a class and, per session and trainee on the roster, a history of marks
 * whose latest row is the current mark. Nothing is overwritten: a change of a recorded mark is a correction with a
 * reason. Every write is all-or-nothing and names each bad value; after it, trainees absent from at least
 * {@code ganxun.attendance.absence-warning-sessions} sessions are reported once to their class teachers and unit HR.
 */
@Service
public class AttendanceService {

    private static final String CURRENT_MARKS = """
            SELECT m.session_id, m.cadre_id, m.mark FROM attendance_mark m
              JOIN teaching_session s ON s.id = m.session_id
             WHERE s.class_id = ?
               AND NOT EXISTS (SELECT 1 FROM attendance_mark n
                                WHERE n.session_id = m.session_id AND n.cadre_id = m.cadre_id AND n.id > m.id)""";

    private final JdbcClient jdbc;
    private final ClassFilingService classes;
    private final ClassStaff staff;
    private final ApplicationEventPublisher events;

    AttendanceService(JdbcClient jdbc, ClassFilingService classes, ClassStaff staff, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.classes = classes;
        this.staff = staff;
        this.events = events;
    }

    // ---- sessions ------------------------------------------------------------------------------------------

    @Transactional
    public TeachingSession createSession(long classId, NewSession session, Actor actor) {
        TrainingClass c = classes.find(classId);
        staff.requireWriter(classId, actor);
        List<Problem> problems = new ArrayList<>();
        if (session == null) {
            throw InvalidInputException.of("body", "请求体不能为空");
        }
        Optional<Period> period = Period.parse(session.period());
        if (session.sessionDate() == null) {
            problems.add(new Problem("sessionDate", "请填写上课日期"));
        } else if (session.sessionDate().isBefore(c.startDate()) || session.sessionDate().isAfter(c.endDate())) {
            problems.add(new Problem("sessionDate", "上课日期 " + session.sessionDate() + " 不在培训期内（" + c.startDate()
                    + " 至 " + c.endDate() + "）"));
        }
        if (period.isEmpty()) {
            problems.add(new Problem("period", "时段无效：" + session.period() + "（只能是 MORNING 上午、AFTERNOON 下午、EVENING 晚上）"));
        }
        if (session.hours() == null || session.hours().signum() <= 0 || session.hours().compareTo(BigDecimal.TEN) > 0) {
            problems.add(new Problem("hours", "学时须大于 0 且不超过 10"));
        }
        if (problems.isEmpty() && findSession(classId, session.sessionDate(), period.get()).isPresent()) {
            problems.add(new Problem("period", session.sessionDate() + " " + period.get().label() + " 已有教学场次"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("INSERT INTO teaching_session (class_id, session_date, period, title, hours) VALUES (?, ?, ?, ?, ?)")
                .params(classId, session.sessionDate(), period.get().name(), session.title(), session.hours()).update();
        return findSession(classId, session.sessionDate(), period.get()).orElseThrow();
    }

    public List<TeachingSession> sessions(long classId, Actor actor) {
        classes.find(classId);
        staff.requireReader(classId, actor);
        return sessions(classId);
    }

    /** The session, or 400 naming the unknown id. */
    public TeachingSession session(long sessionId) {
        return jdbc.sql("SELECT id, class_id, session_date, period, title, hours FROM teaching_session WHERE id = ?")
                .param(sessionId).query(AttendanceService::session).optional()
                .orElseThrow(() -> InvalidInputException.of("sessionId", "教学场次不存在：" + sessionId));
    }

    /** The sessions of the class that overlap the time window, for leave. */
    List<TeachingSession> sessionsWithin(long classId, LocalDateTime from, LocalDateTime to) {
        return sessions(classId).stream().filter(s -> s.startsAt().isBefore(to) && s.endsAt().isAfter(from)).toList();
    }

    // ---- roster and register -------------------------------------------------------------------------------

    /** The class's roster: its ENROLLED cadres, by cadre number. */
    public List<ClassRegister.Trainee> roster(long classId) {
        return trainees(classId, "e.status = 'ENROLLED'");
    }

    private List<ClassRegister.Trainee> trainees(long classId, String enrollmentCondition) {
        return jdbc.sql("""
                SELECT c.id, c.cadre_number, c.name, u.name AS unit_name FROM enrollment e
                  JOIN cadre c ON c.id = e.cadre_id JOIN unit u ON u.id = c.unit_id
                 WHERE e.class_id = ? AND %s ORDER BY c.cadre_number""".formatted(enrollmentCondition))
                .param(classId)
                .query((rs, n) -> new ClassRegister.Trainee(rs.getLong("id"), rs.getString("cadre_number"),
                        rs.getString("name"), rs.getString("unit_name"), Map.of(), 0))
                .list();
    }

    /** The current register of the class: latest mark per session and trainee, in one query. */
    public ClassRegister currentRegister(long classId, Actor actor) {
        classes.find(classId);
        staff.requireReader(classId, actor);
        return register(classId, roster(classId));
    }

    /**
     * The register of every cadre the class enrolled (ENROLLED, COMPLETED or INCOMPLETE: after the results too), for a
     * caller that checked the reader's right itself (the portal's class page).
     */
    public ClassRegister wholeRegister(long classId) {
        return register(classId, trainees(classId, "e.status <> 'WITHDRAWN'"));
    }

    private ClassRegister register(long classId, List<ClassRegister.Trainee> roster) {
        Map<Long, Map<Long, Mark>> current = currentMarks(classId);
        List<ClassRegister.Trainee> trainees = roster.stream().map(t -> {
            Map<Long, Mark> marks = current.getOrDefault(t.cadreId(), Map.of());
            int absences = (int) marks.values().stream().filter(m -> m == Mark.ABSENT).count();
            return new ClassRegister.Trainee(t.cadreId(), t.cadreNumber(), t.name(), t.unitName(), marks, absences);
        }).toList();
        return new ClassRegister(classId, sessions(classId), trainees);
    }

    /**
     * Hours each trainee of the class attended: the hours of the sessions whose current (latest) mark is PRESENT or
     * LATE; ON_LEAVE, ABSENT and unmarked sessions count as not attended. Trainees without such a session are absent
     * from the map. One query for the whole class.
     */
    public Map<Long, BigDecimal> attendedHours(long classId) {
        Map<Long, BigDecimal> hours = new HashMap<>();
        jdbc.sql("""
                SELECT m.cadre_id, SUM(s.hours) AS hours
                  FROM attendance_mark m JOIN teaching_session s ON s.id = m.session_id
                 WHERE s.class_id = ? AND m.mark IN ('PRESENT', 'LATE')
                   AND NOT EXISTS (SELECT 1 FROM attendance_mark n
                                    WHERE n.session_id = m.session_id AND n.cadre_id = m.cadre_id
                                      AND (n.recorded_at > m.recorded_at OR (n.recorded_at = m.recorded_at AND n.id > m.id)))
                 GROUP BY m.cadre_id""")
                .param(classId)
                .query(rs -> {
                    hours.put(rs.getLong("cadre_id"), rs.getBigDecimal("hours"));
                });
        return hours;
    }

    /** The hours of all the class's teaching sessions; null when it kept none. */
    public BigDecimal sessionHours(long classId) {
        return jdbc.sql("SELECT SUM(hours) FROM teaching_session WHERE class_id = ?").param(classId)
                .query(BigDecimal.class).optional().orElse(null);
    }

    /**
     * The attendance share (出勤率): attended hours over session hours, at most 1; 1 when the class kept no sessions
     * (it counts as fully attended). Credits (R22) and the unit feedback report (R30) use this one definition.
     */
    public static BigDecimal share(BigDecimal attendedHours, BigDecimal sessionHours) {
        if (sessionHours == null || sessionHours.signum() == 0) {
            return BigDecimal.ONE;
        }
        return attendedHours.divide(sessionHours, 6, java.math.RoundingMode.HALF_UP).min(BigDecimal.ONE);
    }

    /** The history of one trainee in one session, oldest first. */
    public List<MarkRecord> history(long sessionId, long cadreId, Actor actor) {
        TeachingSession s = session(sessionId);
        staff.requireReader(s.classId(), actor);
        return jdbc.sql("""
                SELECT id, session_id, cadre_id, mark, source, reason, recorded_by, recorded_at FROM attendance_mark
                 WHERE session_id = ? AND cadre_id = ? ORDER BY id""")
                .params(sessionId, cadreId)
                .query((rs, n) -> new MarkRecord(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("cadre_id"),
                        Mark.valueOf(rs.getString("mark")), MarkSource.valueOf(rs.getString("source")),
                        rs.getString("reason"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toLocalDateTime()))
                .list();
    }

    // ---- writing marks --------------------------------------------------------------------------------------

    /** Registers a whole class for one session; a change of an already recorded mark needs a reason. */
    @Transactional
    public int register(long sessionId, Map<Long, Mark> marks, Actor actor) {
        return register(sessionId, marks, null, actor);
    }

    /**
     * Registers the marks of one session (the whole class or part of it). Marks equal to the current one are not
     * written again; a different mark for a trainee who already has one is a correction and needs {@code reason}.
     *
     * @return how many marks were recorded
     */
    @Transactional
    public int register(long sessionId, Map<Long, Mark> marks, String reason, Actor actor) {
        TeachingSession s = session(sessionId);
        staff.requireWriter(s.classId(), actor);
        if (marks == null || marks.isEmpty()) {
            throw InvalidInputException.of("marks", "请至少登记一名学员的考勤");
        }
        Set<Long> roster = rosterIds(s.classId());
        Map<Long, Mark> current = currentMarksOfSession(sessionId);
        List<Problem> problems = new ArrayList<>();
        List<Long> corrected = new ArrayList<>();
        marks.forEach((cadreId, mark) -> {
            if (!roster.contains(cadreId)) {
                problems.add(new Problem("marks", "干部 " + cadreId + " 不在本班名单中"));
            } else if (mark == null) {
                problems.add(new Problem("marks", "干部 " + cadreId + " 的考勤为空" ));
            } else if (current.containsKey(cadreId) && current.get(cadreId) != mark) {
                corrected.add(cadreId);
            }
        });
        if (!corrected.isEmpty() && blank(reason)) {
            problems.add(new Problem("reason", "更正已登记的考勤须填写理由（干部 " + corrected + "）"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDateTime now = EngineClock.now();
        int written = 0;
        for (Map.Entry<Long, Mark> e : marks.entrySet()) {
            if (e.getValue() != current.get(e.getKey())) {
                insert(sessionId, e.getKey(), e.getValue(), MarkSource.REGISTER,
                        corrected.contains(e.getKey()) ? reason.trim() : null, actor.userId(), now);
                written++;
            }
        }
        checkAbsences(s.classId(), marks.keySet());
        return written;
    }

    /** Corrects one trainee's mark in one session: a new row with the reason; the old one stays in the history. */
    @Transactional
    public MarkRecord correct(long sessionId, long cadreId, Mark mark, String reason, Actor actor) {
        TeachingSession s = session(sessionId);
        staff.requireWriter(s.classId(), actor);
        List<Problem> problems = new ArrayList<>();
        if (!rosterIds(s.classId()).contains(cadreId)) {
            problems.add(new Problem("cadreId", "干部 " + cadreId + " 不在本班名单中"));
        }
        if (mark == null) {
            problems.add(new Problem("mark", Mark.invalid(null)));
        }
        if (blank(reason)) {
            problems.add(new Problem("reason", "更正考勤须填写理由"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        insert(sessionId, cadreId, mark, MarkSource.REGISTER, reason.trim(), actor.userId(), EngineClock.now());
        checkAbsences(s.classId(), Set.of(cadreId));
        List<MarkRecord> history = history(sessionId, cadreId, actor);
        return history.get(history.size() - 1);
    }

    /**
     * A check-in device's upload for a class: all rows or none. Every bad row is named (row number from 1 for
     * the first data row, plus the offset the caller gives, e.g. 1 for a CSV header): an unknown cadre, a cadre not
     * on the roster, no session at that date and period, a mark that is none of the four, a bad time, a trainee
     * listed twice for a session, or a different mark than the one already recorded (that is the class teacher's
     * correction, with a reason).
     *
     * @return how many marks were recorded (rows equal to the current mark are skipped)
     */
    @Transactional
    public int importDevice(long classId, List<DeviceRow> rows, int firstRowNumber, Actor actor) {
        classes.find(classId);
        staff.requireWriter(classId, actor);
        if (rows == null || rows.isEmpty()) {
            throw InvalidInputException.of("rows", "导入数据为空");
        }
        Set<Long> roster = rosterIds(classId);
        Map<String, TeachingSession> sessionsByKey = new HashMap<>();
        sessions(classId).forEach(s -> sessionsByKey.put(s.sessionDate() + "/" + s.period(), s));
        Map<Long, Map<Long, Mark>> current = currentMarks(classId);
        Map<String, Long> cadreIdsByNumber = cadreIdsByNumber(rows);
        List<Problem> problems = new ArrayList<>();
        Map<String, Object[]> accepted = new LinkedHashMap<>();
        LocalDateTime now = EngineClock.now();
        for (int i = 0; i < rows.size(); i++) {
            DeviceRow row = rows.get(i);
            List<String> wrong = new ArrayList<>();
            Long cadreId = row.cadreId();
            if (cadreId == null && !blank(row.cadreNumber())) {
                cadreId = cadreIdsByNumber.get(row.cadreNumber().trim());
                if (cadreId == null) {
                    wrong.add("干部编号不存在：" + row.cadreNumber().trim());
                }
            } else if (cadreId == null) {
                wrong.add("缺少干部编号");
            }
            if (cadreId != null && !roster.contains(cadreId)) {
                wrong.add("干部 " + (blank(row.cadreNumber()) ? cadreId : row.cadreNumber().trim()) + " 不在本班名单中");
            }
            LocalDate date = null;
            try {
                date = blank(row.date()) ? null : LocalDate.parse(row.date().trim());
            } catch (DateTimeParseException e) {
                wrong.add("日期格式错误：" + row.date() + "（yyyy-MM-dd）");
            }
            if (blank(row.date())) {
                wrong.add("缺少日期");
            }
            Optional<Period> period = Period.parse(row.period());
            if (period.isEmpty()) {
                wrong.add("时段无效：" + row.period() + "（上午、下午、晚上）");
            }
            TeachingSession session = null;
            if (date != null && period.isPresent()) {
                session = sessionsByKey.get(date + "/" + period.get());
                if (session == null) {
                    wrong.add("本班没有 " + date + " " + period.get().label() + " 的教学场次");
                }
            }
            Optional<Mark> mark = Mark.parse(row.mark());
            if (mark.isEmpty()) {
                wrong.add(Mark.invalid(row.mark()));
            }
            LocalDateTime recordedAt = now;
            try {
                recordedAt = blank(row.recordedAt()) ? now : LocalDateTime.parse(row.recordedAt().trim().replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                wrong.add("记录时间格式错误：" + row.recordedAt());
            }
            if (wrong.isEmpty()) {
                Mark existing = current.getOrDefault(cadreId, Map.of()).get(session.id());
                String key = session.id() + "/" + cadreId;
                if (accepted.containsKey(key)) {
                    wrong.add("同一学员同一场次重复出现");
                } else if (existing != null && existing != mark.get()) {
                    wrong.add("已登记为" + existing.label() + "，更改须由班主任更正并填写理由");
                } else {
                    accepted.put(key, existing == null
                            ? new Object[] {session.id(), cadreId, mark.get(), recordedAt} : null);
                }
            }
            if (!wrong.isEmpty()) {
                problems.add(new Problem("rows", "第 " + (i + firstRowNumber) + " 行：" + String.join("；", wrong)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int written = 0;
        Set<Long> cadres = new LinkedHashSet<>();
        for (Object[] r : accepted.values()) {
            if (r != null) {
                insert((Long) r[0], (Long) r[1], (Mark) r[2], MarkSource.DEVICE, null, actor.userId(), (LocalDateTime) r[3]);
                cadres.add((Long) r[1]);
                written++;
            }
        }
        checkAbsences(classId, cadres);
        return written;
    }

    /**
     * Marks the trainee ON_LEAVE (source LEAVE) in every session of the class that overlaps the leave window; a
     * different earlier mark stays in the history under the new row.
     *
     * @return the sessions marked
     */
    @Transactional
    public int markLeave(long classId, long cadreId, LocalDateTime from, LocalDateTime to, String reason, String userId) {
        int written = 0;
        Map<Long, Mark> current = currentMarks(classId).getOrDefault(cadreId, Map.of());
        for (TeachingSession s : sessionsWithin(classId, from, to)) {
            if (current.get(s.id()) != Mark.ON_LEAVE) {
                insert(s.id(), cadreId, Mark.ON_LEAVE, MarkSource.LEAVE, reason, userId, EngineClock.now());
                written++;
            }
        }
        return written;
    }

    /** How many sessions the trainee is currently marked absent from in the class. */
    public int absences(long classId, long cadreId) {
        return (int) currentMarks(classId).getOrDefault(cadreId, Map.of()).values().stream()
                .filter(m -> m == Mark.ABSENT).count();
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private void checkAbsences(long classId, Set<Long> cadreIds) {
        if (!cadreIds.isEmpty()) {
            events.publishEvent(new AbsenceWarnings.AttendanceRecorded(classId, List.copyOf(cadreIds)));
        }
    }

    private void insert(long sessionId, long cadreId, Mark mark, MarkSource source, String reason, String userId,
            LocalDateTime at) {
        jdbc.sql("INSERT INTO attendance_mark (session_id, cadre_id, mark, source, reason, recorded_by, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(sessionId, cadreId, mark.name(), source.name(), reason, userId, Timestamp.valueOf(at)).update();
    }

    private List<TeachingSession> sessions(long classId) {
        return jdbc.sql("SELECT id, class_id, session_date, period, title, hours FROM teaching_session "
                        + "WHERE class_id = ? ORDER BY session_date, CASE period WHEN 'MORNING' THEN 1 "
                        + "WHEN 'AFTERNOON' THEN 2 ELSE 3 END")
                .param(classId).query(AttendanceService::session).list();
    }

    private Optional<TeachingSession> findSession(long classId, LocalDate date, Period period) {
        return jdbc.sql("SELECT id, class_id, session_date, period, title, hours FROM teaching_session "
                        + "WHERE class_id = ? AND session_date = ? AND period = ?")
                .params(classId, date, period.name()).query(AttendanceService::session).optional();
    }

    private static TeachingSession session(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TeachingSession(rs.getLong("id"), rs.getLong("class_id"), rs.getDate("session_date").toLocalDate(),
                Period.valueOf(rs.getString("period")), rs.getString("title"), rs.getBigDecimal("hours"));
    }

    private Set<Long> rosterIds(long classId) {
        return new LinkedHashSet<>(jdbc.sql("SELECT cadre_id FROM enrollment WHERE class_id = ? AND status = 'ENROLLED'")
                .param(classId).query(Long.class).list());
    }

    /** cadre id → session id → current mark, for the whole class in one query. */
    private Map<Long, Map<Long, Mark>> currentMarks(long classId) {
        Map<Long, Map<Long, Mark>> marks = new HashMap<>();
        jdbc.sql(CURRENT_MARKS).param(classId).query(rs -> {
            marks.computeIfAbsent(rs.getLong("cadre_id"), k -> new HashMap<>())
                    .put(rs.getLong("session_id"), Mark.valueOf(rs.getString("mark")));
        });
        return marks;
    }

    private Map<Long, Mark> currentMarksOfSession(long sessionId) {
        Map<Long, Mark> marks = new HashMap<>();
        jdbc.sql("""
                SELECT m.cadre_id, m.mark FROM attendance_mark m WHERE m.session_id = ?
                   AND NOT EXISTS (SELECT 1 FROM attendance_mark n
                                    WHERE n.session_id = m.session_id AND n.cadre_id = m.cadre_id AND n.id > m.id)""")
                .param(sessionId).query(rs -> {
                    marks.put(rs.getLong("cadre_id"), Mark.valueOf(rs.getString("mark")));
                });
        return marks;
    }

    private Map<String, Long> cadreIdsByNumber(List<DeviceRow> rows) {
        Map<String, Long> ids = new HashMap<>();
        List<String> numbers = rows.stream().map(DeviceRow::cadreNumber).filter(n -> !blank(n)).map(String::trim)
                .distinct().toList();
        for (int from = 0; from < numbers.size(); from += 500) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + 500));
            jdbc.sql("SELECT id, cadre_number FROM cadre WHERE cadre_number IN (:numbers)").param("numbers", chunk)
                    .query(rs -> {
                        ids.put(rs.getString("cadre_number"), rs.getLong("id"));
                    });
        }
        return ids;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
