package cn.ganxun.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.ganxun.followup.FollowUpProcess.Elements;

/**
 * The one PostgreSQL the nodes share, as the harness sees it over JDBC: the fixture rows a follow-up needs (cadres,
 * classes, confirmed results — the process itself opens the follow-ups), moving a batch's summary timers due, and the
 * counts that prove what ran (ACT_HI_JOB_LOG, learning_summary, mail_outbox). Trainee {@code n} (1, 2, …) is cadre
 * {@code K%06d} with mail address {@code k%06d@cluster.test}; class {@code c} ({@code CL%06d}) holds the
 * {@code traineesPerClass} trainees {@code (c - 1) · traineesPerClass + 1 … c · traineesPerClass} (with 50: class
 * CL000003 holds trainees 101..150, cadre K000123 is in it). A batch is a range of trainees [from, to) that starts and
 * ends on a class boundary: its classes' follow-ups, each with one 心得到期 timer per trainee.
 */
record Database(String url, String user, String password, int traineesPerClass) {

    static final String SUMMARY_DUE = Elements.BOUNDARY_SUMMARY_DUE;
    static final String OPEN = Elements.TASK_OPEN_FOLLOW_UP;

    static String classNumber(int classIndex) {
        return "CL%06d".formatted(classIndex);
    }

    /** the class of trainee {@code n} */
    int classOf(int trainee) {
        return (trainee - 1) / traineesPerClass + 1;
    }

    /** the class numbers [first, past-the-last) of the classes of trainees [from, to) */
    private Object[] classRange(int from, int to) {
        if ((from - 1) % traineesPerClass != 0 || (to - 1) % traineesPerClass != 0) {
            throw new IllegalArgumentException("trainees [" + from + ", " + to + ") do not start and end on a class of "
                    + traineesPerClass);
        }
        return new Object[] {classNumber(classOf(from)), classNumber(classOf(to))};
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * One institution, 50 units, trainees 1..trainees as cadres (unit by trainee number), and trainees / traineesPerClass
     * ended classes, each with its trainees enrolled and their results confirmed.
     */
    void createFixtures(int trainees) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            update(c, "INSERT INTO institution (code, name, kind) VALUES ('CLU', '集群演练学院', 'PARTY_SCHOOL')");
            update(c, """
                    INSERT INTO unit (code, name, kind)
                    SELECT 'CU' || lpad(u::text, 3, '0'), '演练单位' || u, 'DISTRICT' FROM generate_series(1, 50) u""");
            update(c, """
                    INSERT INTO cadre (cadre_number, name, id_number, gender, birth_date, rank_level, category, unit_id, email,
                                       created_at, updated_at)
                    SELECT 'K' || lpad(n::text, 6, '0'), '演练学员' || n, '9' || lpad(n::text, 17, '0'), 'MALE', DATE '1980-01-01',
                           'STAFF', 'CIVIL_SERVANT', (SELECT id FROM unit WHERE code = 'CU' || lpad((1 + n % 50)::text, 3, '0')),
                           'k' || lpad(n::text, 6, '0') || '@cluster.test', now(), now()
                      FROM generate_series(1, ?) n""", trainees);
            update(c, """
                    INSERT INTO training_class (class_number, title, institution_id, class_type, topic, start_date, end_date,
                                                off_job, planned_participants, dispatch_mode, status, created_at, updated_at)
                    SELECT 'CL' || lpad(n::text, 6, '0'), '集群演练班' || n, (SELECT id FROM institution WHERE code = 'CLU'),
                           'TRAINING', '集群演练', current_date - 5, current_date - 1, TRUE, ?, 'NAMED', 'APPROVED', now(),
                           now()
                      FROM generate_series(1, ?) n""", traineesPerClass, trainees / traineesPerClass);
            update(c, """
                    INSERT INTO enrollment (class_id, cadre_id, status, hours, credits, grade, created_at)
                    SELECT k.id, c.id, 'COMPLETED', 40, 20, 'GOOD', now()
                      FROM cadre c JOIN training_class k
                        ON k.class_number = 'CL' || lpad(((substr(c.cadre_number, 2)::int - 1) / ? + 1)::text, 6, '0')
                     WHERE c.email LIKE '%@cluster.test'""", traineesPerClass);
            update(c, """
                    INSERT INTO assessment_result (class_id, cadre_id, result, grade, class_rank, completed, confirmed_by,
                                                   confirmed_at)
                    SELECT e.class_id, e.cadre_id, 85, 'GOOD', ROW_NUMBER() OVER (PARTITION BY e.class_id ORDER BY e.cadre_id),
                           TRUE, 'admin', now()
                      FROM enrollment e JOIN training_class k ON k.id = e.class_id WHERE k.class_number LIKE 'CL%'""");
            c.commit();
        }
    }

    /** the benchmark's classes: class id by class index */
    Map<Integer, Long> classIds() throws SQLException {
        Map<Integer, Long> ids = new LinkedHashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT class_number, id FROM training_class WHERE class_number LIKE 'CL%' ORDER BY class_number");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.put(Integer.parseInt(rs.getString(1).substring(2)), rs.getLong(2));
            }
        }
        return ids;
    }

    /** follow-ups opened by the process (rows in follow_up) and open jobs still waiting */
    long openedFollowUps() throws SQLException {
        return count("SELECT COUNT(*) FROM follow_up");
    }

    /** all rows of ACT_RU_JOB: every future timer of every open follow-up, and what is due */
    long runtimeJobs() throws SQLException {
        return count("SELECT COUNT(*) FROM act_ru_job");
    }

    long jobsOf(String activityId) throws SQLException {
        return count("SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ WHERE d.act_id_ = ?",
                activityId);
    }

    /** Moves the summary-due timers of the batch to {@code due}; @return how many timers */
    int makeDue(int from, int to, Timestamp due) throws SQLException {
        try (Connection c = connect()) {
            return update(c, """
                    UPDATE act_ru_job SET duedate_ = ?
                     WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = ?)
                       AND process_instance_id_ IN (""" + BATCH_PROCESSES + ")", batch(from, to, due, SUMMARY_DUE));
        }
    }

    /** {@code first} followed by the batch's class range, the parameters of {@link #BATCH_PROCESSES} */
    private Object[] batch(int from, int to, Object... first) {
        Object[] params = Arrays.copyOf(first, first.length + 2);
        Object[] range = classRange(from, to);
        params[first.length] = range[0];
        params[first.length + 1] = range[1];
        return params;
    }

    private static final String BATCH_PROCESSES = """
            SELECT f.process_instance_id FROM follow_up f JOIN training_class k ON k.id = f.class_id
             WHERE k.class_number >= ? AND k.class_number < ?""";

    long chased(int from, int to) throws SQLException {
        return count("""
                SELECT COUNT(*) FROM learning_summary s JOIN follow_up f ON f.id = s.follow_up_id
                  JOIN training_class k ON k.id = f.class_id
                 WHERE s.chased_at IS NOT NULL AND k.class_number >= ? AND k.class_number < ?""", batch(from, to));
    }

    /** timer jobs of the batch not done yet (due, locked or failed); each chases its trainee in its own transaction */
    long pendingJobs(int from, int to) throws SQLException {
        return count("""
                SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                 WHERE d.act_id_ = ? AND j.duedate_ IS NOT NULL AND j.duedate_ <= now() + interval '1 day'
                   AND j.process_instance_id_ IN (""" + BATCH_PROCESSES + ")", batch(from, to, SUMMARY_DUE));
    }

    /** The batch's locked timer jobs now: id → lock owner, lock expiry. */
    List<LockedJob> lockedJobs(int from, int to) throws SQLException {
        List<LockedJob> locked = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                SELECT j.id_, j.lock_owner_, j.lock_exp_time_ FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                 WHERE d.act_id_ = ? AND j.lock_owner_ IS NOT NULL AND j.process_instance_id_ IN (""" + BATCH_PROCESSES
                + ")")) {
            bind(s, batch(from, to, SUMMARY_DUE));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    locked.add(new LockedJob(rs.getString(1), rs.getString(2), rs.getTimestamp(3)));
                }
            }
        }
        return locked;
    }

    record LockedJob(String id, String owner, Timestamp lockExpires) {
    }

    /** What the job log says about the batch's timer jobs. */
    record JobLog(long successful, long distinctJobs, long failedAttempts, Timestamp lastEnd, Timestamp lastTimerEnd,
            Map<String, Long> byHost) {
    }

    JobLog jobLog(int from, int to) throws SQLException {
        String where = " FROM act_hi_job_log l WHERE l.act_id_ = ? AND l.process_instance_id_ IN (" + BATCH_PROCESSES + ")";
        try (Connection c = connect()) {
            long successful;
            long distinct;
            long failed;
            Timestamp lastEnd;
            Timestamp lastTimer;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT COUNT(*) FILTER (WHERE l.job_state_ = 2), COUNT(DISTINCT l.job_id_) FILTER (WHERE l.job_state_ = 2),
                           COUNT(*) FILTER (WHERE l.job_state_ = 1), MAX(l.timestamp_) FILTER (WHERE l.job_state_ = 2),
                           MAX(l.timestamp_) FILTER (WHERE l.job_state_ = 2 AND l.act_id_ = ?)""" + where)) {
                bind(s, batch(from, to, SUMMARY_DUE, SUMMARY_DUE));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    successful = rs.getLong(1);
                    distinct = rs.getLong(2);
                    failed = rs.getLong(3);
                    lastEnd = rs.getTimestamp(4);
                    lastTimer = rs.getTimestamp(5);
                }
            }
            Map<String, Long> byHost = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT l.hostname_, COUNT(*)" + where
                    + " AND l.job_state_ = 2 GROUP BY l.hostname_ ORDER BY l.hostname_")) {
                bind(s, batch(from, to, SUMMARY_DUE));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        byHost.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return new JobLog(successful, distinct, failed, lastEnd, lastTimer, byHost);
        }
    }

    /**
     * The batch's follow-ups as the job log shows them: how many ran jobs, and the sum over them of the seconds from
     * each one's first to its last finished job. The jobs of one process instance are exclusive (one at a time, on one
     * node), so that sum divided by the batch's seconds is how many follow-ups were drained at once on average.
     */
    record FollowUpSpans(long followUps, double secondsSum, double maxSeconds) {
    }

    FollowUpSpans spans(int from, int to) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                SELECT COUNT(*), COALESCE(SUM(span), 0), COALESCE(MAX(span), 0)
                  FROM (SELECT EXTRACT(EPOCH FROM MAX(l.timestamp_) - MIN(l.timestamp_)) AS span FROM act_hi_job_log l
                         WHERE l.job_state_ = 2 AND l.act_id_ = ? AND l.process_instance_id_ IN (""" + BATCH_PROCESSES
                + ") GROUP BY l.process_instance_id_) f")) {
            bind(s, batch(from, to, SUMMARY_DUE));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new FollowUpSpans(rs.getLong(1), rs.getDouble(2), rs.getDouble(3));
            }
        }
    }

    /** Successful runs of one job: host and time of each. */
    List<String> successesOf(String jobId) throws SQLException {
        List<String> runs = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT hostname_, timestamp_ FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2 ORDER BY timestamp_")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(rs.getString(1) + "@" + rs.getTimestamp(2));
                }
            }
        }
        return runs;
    }

    /** mail_outbox rows of the batch's chases: rows SENT, distinct (key, recipient) */
    long[] outbox(int from, int to) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                SELECT COUNT(*), COUNT(DISTINCT o.message_key || ' ' || o.recipient)
                  FROM mail_outbox o JOIN learning_summary ls ON o.message_key = 'learning-summary-chase:' || ls.id
                  JOIN follow_up f ON f.id = ls.follow_up_id JOIN training_class k ON k.id = f.class_id
                 WHERE o.status = 'SENT' AND k.class_number >= ? AND k.class_number < ?""")) {
            bind(s, batch(from, to));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect()) {
            c.createStatement().execute(sql);
        }
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
