package cn.ganxun.benchmark;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.followup.FollowUpProcess;

/**
 * A city for the benchmark (issue 8), deterministic from a seed and a reference day {@code asOf}: its own units
 * ({@code KU001…}), cadres ({@code K000001…}) and classes ({@code KB00001…}) beside the demo city. Five years of history
 * are written set-based (INSERT … SELECT over generate_series, one statement per table, portable between PostgreSQL and
 * H2): closed classes with curricula, daily sessions, enrollments, attendance, confirmed assessment results, class
 * credits, closed follow-ups with their learning summaries. Pseudo-random choices are a hash of (seed, row number,
 * salt) computed in SQL, never {@code random()}, so the same seed gives the same city whatever the database's plan.
 * Each cadre sits in at most three classes, years apart (R10). The live classes (ended in the last weeks) then get their
 * follow-up through the real engine ({@link #openFollowUps}): one learning-summary task per trainee with its due and
 * overdue timers, the seminar and the sample review, and the follow-up's own timers.
 */
final class CityGenerator {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国文斌宇浩凯晨欣怡嘉琳雪梅海波东亮峰辉鹏飞慧颖佳俊";
    /** A prime; the enrollment index e maps to cadre (e × STRIDE + offset) mod N, a bijection when gcd(STRIDE, N) = 1. */
    private static final long STRIDE = 7919;

    private final JdbcClient jdbc;
    private final long seed;
    private final LocalDate asOf;
    private final CitySize size;

    CityGenerator(JdbcClient jdbc, long seed, LocalDate asOf, CitySize size) {
        if (BigInteger.valueOf(STRIDE).gcd(BigInteger.valueOf(size.cadres())).intValue() != 1) {
            throw new IllegalArgumentException("the cadre count must not be a multiple of " + STRIDE);
        }
        this.jdbc = jdbc;
        this.seed = seed;
        this.asOf = asOf;
        this.size = size;
    }

    /** Writes the registry and the history (call in one transaction); returns rows written per table. */
    Map<String, Integer> generateHistory() {
        if (jdbc.sql("SELECT COUNT(*) FROM unit WHERE code LIKE 'KU%'").query(Integer.class).single() > 0) {
            throw new IllegalStateException("the database holds a generated city already");
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("unit", units());
        rows.put("cadre", cadres());
        rows.put("training_class", classes());
        rows.put("course", courses());
        rows.put("teaching_session", sessions());
        rows.put("enrollment", enrollments());
        rows.put("assessment_result", results());
        rows.put("attendance_mark", attendance());
        rows.put("credit_entry", credits());
        rows.put("follow_up", closedFollowUps());
        rows.put("learning_summary", summaries());
        return rows;
    }

    private int districts() {
        return Math.max(1, size.units() / 30);
    }

    private int departments() {
        return size.units() / 3;
    }

    private int units() {
        int top = districts() + departments();
        int written = jdbc.sql("""
                INSERT INTO unit (code, name, kind, parent_id, leader_name, leader_email, hr_email)
                SELECT 'KU' || LPAD(CAST(g.i AS VARCHAR), 3, '0'),
                       CASE WHEN g.i <= %1$d THEN '新城第' || g.i || '区' ELSE '市直第' || g.i || '局' END,
                       CASE WHEN g.i <= %1$d THEN 'DISTRICT' ELSE 'CITY_DEPARTMENT' END, NULL, %3$s,
                       'leader-ku' || g.i || '@city.ganxun.local', 'hr-ku' || g.i || '@city.ganxun.local'
                  FROM generate_series(1, %2$d) g(i)""".formatted(districts(), top, name("g.i", 1))).update();
        return written + jdbc.sql("""
                INSERT INTO unit (code, name, kind, parent_id, leader_name, leader_email, hr_email)
                SELECT 'KU' || LPAD(CAST(g.i AS VARCHAR), 3, '0'), '第' || g.i || '街道', 'TOWN', p.id, %3$s,
                       'leader-ku' || g.i || '@city.ganxun.local', 'hr-ku' || g.i || '@city.ganxun.local'
                  FROM generate_series(%1$d, %2$d) g(i)
                  JOIN unit p ON p.code = 'KU' || LPAD(CAST(MOD(g.i, %4$d) + 1 AS VARCHAR), 3, '0')"""
                .formatted(top + 1, size.units(), name("g.i", 1), districts())).update();
    }

    private int cadres() {
        String rank = rnd("g.i", 13, 100);
        return jdbc.sql("""
                INSERT INTO cadre (cadre_number, name, id_number, gender, birth_date, rank_level, category, education,
                                   unit_id, post, party_member, email, status, hired_on, created_at, updated_at)
                SELECT 'K' || LPAD(CAST(g.i AS VARCHAR), 6, '0'), %2$s,
                       '99' || LPAD(CAST(g.i AS VARCHAR), 8, '0') || '00000000',
                       CASE WHEN %3$s < 6 THEN 'MALE' ELSE 'FEMALE' END,
                       %4$s - 8030 - %5$s,
                       CASE WHEN %6$s < 2 THEN 'BUREAU' WHEN %6$s < 10 THEN 'COUNTY_PRINCIPAL'
                            WHEN %6$s < 22 THEN 'COUNTY_DEPUTY' WHEN %6$s < 40 THEN 'TOWNSHIP_PRINCIPAL'
                            WHEN %6$s < 62 THEN 'TOWNSHIP_DEPUTY' ELSE 'STAFF' END,
                       CASE %7$s WHEN 0 THEN 'CIVIL_SERVANT' WHEN 1 THEN 'CIVIL_SERVANT' WHEN 2 THEN 'PARTY_GOVERNMENT_LEADER'
                            WHEN 3 THEN 'GRASSROOTS_CADRE' WHEN 4 THEN 'YOUNG_CADRE' WHEN 5 THEN 'SOE_LEADER'
                            ELSE 'PUBLIC_INSTITUTION_LEADER' END,
                       CASE %8$s WHEN 0 THEN 'DOCTORATE' WHEN 1 THEN 'MASTER' WHEN 2 THEN 'MASTER' ELSE 'BACHELOR' END,
                       u.id, '干部', %9$s < 85, NULL, CASE WHEN %10$s < 3 THEN 'RETIRED' ELSE 'ACTIVE' END,
                       %4$s - 3000 - %5$s, CAST(%4$s - 1900 AS TIMESTAMP), CAST(%4$s - 1900 AS TIMESTAMP)
                  FROM generate_series(1, %1$d) g(i)
                  JOIN unit u ON u.code = 'KU' || LPAD(CAST(%11$s + 1 AS VARCHAR), 3, '0')"""
                .formatted(size.cadres(), name("g.i", 11), rnd("g.i", 12, 10), day(0), rnd("g.i", 14, 12000), rank,
                        rnd("g.i", 15, 8), rnd("g.i", 16, 6), rnd("g.i", 17, 100), rnd("g.i", 18, 100),
                        rnd("g.i", 19, size.units())))
                .update();
    }

    /** Weekdays of class {@code k}: 3, 5, 10 or 22 (a month-long class, R10). */
    private String weekdays(String k) {
        String draw = rnd(k, 22, 10);
        return "CASE WHEN %1$s < 3 THEN 3 WHEN %1$s < 7 THEN 5 WHEN %1$s < 9 THEN 10 ELSE 22 END".formatted(draw);
    }

    /** Party share of class {@code k}: 0 (professional), 1 (one third party teaching) or 2 (party school, 5/6). */
    private String partyKind(String k) {
        return rnd(k, 23, 5) + " / 2";
    }

    /**
     * History classes start evenly over the four years before the last one (all closed, their follow-up done); the
     * live classes start 80 to 30 days ago, so each one ended and is in its follow-up's first weeks.
     */
    private int classes() {
        int history = size.historyClasses();
        String startOffset = "CASE WHEN g.k <= %1$d THEN -1820 + CAST((g.k - 1) * 1400 / %1$d AS INT) + %2$s ELSE -80 + CAST((g.k - %1$d - 1) * 50 / %3$d AS INT) END"
                .formatted(history, rnd("g.k", 21, 7), Math.max(1, size.liveClasses()));
        return jdbc.sql("""
                INSERT INTO training_class (class_number, title, institution_id, class_type, topic, start_date, end_date,
                        off_job, planned_participants, dispatch_mode, status, revision, filed_by, filed_at, created_at,
                        updated_at)
                SELECT 'KB' || LPAD(CAST(x.k AS VARCHAR), 5, '0'),
                       CASE x.party WHEN 0 THEN '专业能力提升培训班' WHEN 1 THEN '综合素质专题培训班' ELSE '党性教育培训班' END
                           || '（城市第' || x.k || '期）',
                       i.id, CASE x.party WHEN 2 THEN 'TRAINING' ELSE 'SPECIAL_TOPIC' END,
                       CASE x.party WHEN 0 THEN '履职能力' WHEN 1 THEN '综合素质' ELSE '锤炼党性' END,
                       %3$s + x.d, %3$s + x.d + x.w - 1, TRUE, %4$d, 'QUOTA',
                       CASE WHEN x.k <= %5$d THEN 'CLOSED' ELSE 'APPROVED' END, 1, 'inst',
                       CAST(%3$s + x.d - 45 AS TIMESTAMP), CAST(%3$s + x.d - 45 AS TIMESTAMP),
                       CAST(%3$s + x.d + x.w AS TIMESTAMP)
                  FROM (SELECT g.k, %1$s AS w, %2$s AS d, %6$s AS party FROM generate_series(1, %7$d) g(k)) x
                  JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY code) AS n FROM institution) i
                    ON i.n = MOD(x.k, (SELECT COUNT(*) FROM institution)) + 1"""
                .formatted(weekdays("g.k"), startOffset, day(0), size.seatsPerClass(), history, partyKind("g.k"),
                        size.classes()))
                .update();
    }

    /** The city's classes with their number k (from the class number) and weekdays w. */
    private String cityClasses() {
        return "(SELECT y.*, %s AS w, %s AS party FROM (SELECT t.id, t.class_number, t.title, t.start_date, t.end_date, t.status, CAST(SUBSTRING(t.class_number, 3) AS INT) AS k FROM training_class t WHERE t.class_number LIKE 'KB%%') y)"
                .formatted(weekdays("y.k"), partyKind("y.k"));
    }

    /** Six hours a day: party theory, party spirit and professional lines by the class's party share (R15 ≥ 70 %). */
    private int courses() {
        return jdbc.sql("""
                INSERT INTO course (class_id, line_no, title, hours, category)
                SELECT cc.id, l.n, CASE l.n WHEN 1 THEN '习近平新时代中国特色社会主义思想' WHEN 2 THEN '党章与党性修养'
                                            ELSE '专业能力与业务知识' END,
                       cc.w * CASE cc.party WHEN 0 THEN (CASE l.n WHEN 3 THEN 6 ELSE 0 END)
                                            WHEN 1 THEN (CASE l.n WHEN 3 THEN 4 ELSE 1 END)
                                            ELSE (CASE l.n WHEN 1 THEN 3 WHEN 2 THEN 2 ELSE 1 END) END,
                       CASE l.n WHEN 1 THEN 'PARTY_THEORY' WHEN 2 THEN 'PARTY_SPIRIT' ELSE 'PROFESSIONAL' END
                  FROM %s cc CROSS JOIN generate_series(1, 3) l(n)
                 WHERE cc.party > 0 OR l.n = 3""".formatted(cityClasses())).update();
    }

    private int sessions() {
        return jdbc.sql("""
                INSERT INTO teaching_session (class_id, session_date, period, title, hours)
                SELECT cc.id, cc.start_date + CAST(s.d AS INT), 'MORNING', '第' || (s.d + 1) || '天', 6
                  FROM %s cc JOIN generate_series(0, 21) s(d) ON s.d < cc.w""".formatted(cityClasses())).update();
    }

    /**
     * Seat s of class k is enrollment e = (k − 1) × seats + s − 1 and goes to cadre (e × STRIDE + offset) mod N: every
     * cadre once before anybody twice, and a second class only N / seats classes (years) later.
     */
    private int enrollments() {
        long offset = Math.floorMod(seed * 104_729L, size.cadres());
        String e = "x.e";
        return jdbc.sql("""
                INSERT INTO enrollment (class_id, cadre_id, status, hours, credits, grade, certificate_number, created_at)
                SELECT x.id, c.id, CASE WHEN x.incomplete THEN 'INCOMPLETE' ELSE 'COMPLETED' END,
                       CASE WHEN x.incomplete THEN 3 * x.w ELSE 6 * x.w END,
                       CASE WHEN x.incomplete OR x.fail THEN 0 ELSE 5 * x.w END,
                       CASE WHEN x.incomplete OR x.fail THEN 'FAIL' WHEN x.g < 12 THEN 'EXCELLENT' WHEN x.g < 45 THEN 'GOOD'
                            ELSE 'PASS' END,
                       CASE WHEN x.incomplete OR x.fail THEN NULL ELSE x.class_number || '-' || LPAD(CAST(x.s AS VARCHAR), 3, '0') END,
                       CAST(x.start_date - 10 AS TIMESTAMP)
                  FROM (SELECT cc.id, cc.class_number, cc.start_date, cc.w, st.s, CAST(cc.k - 1 AS BIGINT) * %2$d + st.s - 1 AS e,
                               %3$s < 5 AS incomplete, %4$s >= 97 AS fail, %4$s AS g
                          FROM %1$s cc CROSS JOIN generate_series(1, %2$d) st(s)) x
                  JOIN cadre c ON c.cadre_number = 'K' || LPAD(CAST(MOD(%5$s * %6$d + %7$d, %8$d) + 1 AS VARCHAR), 6, '0')"""
                .formatted(cityClasses(), size.seatsPerClass(), rnd("(CAST(cc.k - 1 AS BIGINT) * " + size.seatsPerClass() + " + st.s)", 31, 100),
                        rnd("(CAST(cc.k - 1 AS BIGINT) * " + size.seatsPerClass() + " + st.s)", 32, 100), e, STRIDE, offset,
                        size.cadres()))
                .update();
    }

    /** The city's enrollments with the class's k and w and a per-enrollment number n for the hash. */
    private String cityEnrollments() {
        return """
                (SELECT en.*, cc.k, cc.w, cc.class_number, cc.start_date, cc.end_date, cc.status AS class_status,
                        CAST(SUBSTRING(cd.cadre_number, 2) AS BIGINT) * 7 + cc.k AS n
                   FROM enrollment en JOIN %s cc ON cc.id = en.class_id JOIN cadre cd ON cd.id = en.cadre_id)"""
                .formatted(cityClasses());
    }

    /** Points by grade (优秀 90+, 良好 80+, 合格 60+, 不合格 below), ranks within the class, confirmed the day after. */
    private int results() {
        return jdbc.sql("""
                INSERT INTO assessment_result (class_id, cadre_id, result, grade, class_rank, excellent_candidate, completed,
                                               confirmed_by, confirmed_at)
                SELECT r.class_id, r.cadre_id, r.result, r.grade,
                       RANK() OVER (PARTITION BY r.class_id ORDER BY r.result DESC), r.grade = 'EXCELLENT',
                       r.status = 'COMPLETED', 'teacher', CAST(r.end_date + 1 AS TIMESTAMP)
                  FROM (SELECT ce.class_id, ce.cadre_id, ce.grade, ce.status, ce.end_date,
                               CASE ce.grade WHEN 'EXCELLENT' THEN 90 WHEN 'GOOD' THEN 80 WHEN 'PASS' THEN 60 ELSE 40 END
                                   + %2$s AS result
                          FROM %1$s ce) r""".formatted(cityEnrollments(), rnd("ce.n", 41, 10))).update();
    }

    /** One mark per session and trainee: an incomplete trainee missed about half the days, some came late. */
    private int attendance() {
        String dayKey = "(ce.n * 37 + CAST(EXTRACT(MONTH FROM s.session_date) AS INT) * 31 + CAST(EXTRACT(DAY FROM s.session_date) AS INT))";
        return jdbc.sql("""
                INSERT INTO attendance_mark (session_id, cadre_id, mark, source, recorded_by, recorded_at)
                SELECT s.id, ce.cadre_id,
                       CASE WHEN ce.status = 'INCOMPLETE' AND %2$s = 0 THEN 'ABSENT' WHEN %3$s < 3 THEN 'LATE' ELSE 'PRESENT' END,
                       'REGISTER', 'teacher', CAST(s.session_date AS TIMESTAMP)
                  FROM %1$s ce JOIN teaching_session s ON s.class_id = ce.class_id"""
                .formatted(cityEnrollments(), rnd(dayKey, 51, 2), rnd(dayKey, 52, 100))).update();
    }

    /** The class credits as training-class posts them (R22), in the year the class ended. */
    private int credits() {
        return jdbc.sql("""
                INSERT INTO credit_entry (cadre_id, credit_year, source, source_ref, credits, hours, reason, posted_at,
                                          earned_on, recorded_by)
                SELECT ce.cadre_id, EXTRACT(YEAR FROM ce.end_date), 'CLASS', ce.class_number, ce.credits, ce.hours,
                       '参加城市第' || ce.k || '期培训班', CAST(ce.end_date + 1 AS TIMESTAMP), ce.end_date, 'teacher'
                  FROM %s ce WHERE ce.credits > 0""".formatted(cityEnrollments())).update();
    }

    /** The closed classes' one-year follow-ups, done. */
    private int closedFollowUps() {
        return jdbc.sql("""
                INSERT INTO follow_up (class_id, years, starts_on, ends_on, seminar_due_on, summaries_due_on, visits_due_on,
                                       status, opened_at, closed_at)
                SELECT cc.id, 1, cc.end_date, cc.end_date + 365, cc.end_date + 60, cc.end_date + 60, cc.end_date + 300,
                       'CLOSED', CAST(cc.end_date + 1 AS TIMESTAMP), CAST(cc.end_date + 366 AS TIMESTAMP)
                  FROM %s cc WHERE cc.status = 'CLOSED'""".formatted(cityClasses())).update();
    }

    /** R26: nine in ten trainees of a closed follow-up wrote their summary, the others are listed as missing. */
    private int summaries() {
        return jdbc.sql("""
                INSERT INTO learning_summary (follow_up_id, cadre_id, status, content, written_by, submitted_at)
                SELECT f.id, ce.cadre_id, CASE WHEN %2$s < 90 THEN 'SUBMITTED' ELSE 'MISSING' END,
                       CASE WHEN %2$s < 90 THEN '通过本次培训，进一步坚定了理想信念，提高了履职能力，今后将把所学运用到工作实践中去，切实做到学以致用。' END,
                       CASE WHEN %2$s < 90 THEN 'inst' END,
                       CASE WHEN %2$s < 90 THEN CAST(ce.end_date + 30 AS TIMESTAMP) END
                  FROM %1$s ce JOIN follow_up f ON f.class_id = ce.class_id
                 WHERE ce.class_status = 'CLOSED'""".formatted(cityEnrollments(), rnd("ce.n", 61, 100))).update();
    }

    /**
     * Starts {@code follow-up} (business key = class number) for every live class, as {@code training-class} does once
     * the results are confirmed, and runs the asynchronous opening of each in {@code threads} threads (the job executor
     * may be off; with one thread the calling thread does it, inside its transaction); returns the follow-ups started.
     */
    int openFollowUps(RuntimeService runtime, ManagementService management, int threads) throws Exception {
        List<Map<String, Object>> live = jdbc.sql("""
                SELECT id, class_number FROM training_class
                 WHERE class_number LIKE 'KB%' AND status = 'APPROVED'
                   AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.class_id = training_class.id)
                 ORDER BY class_number""").query().listOfRows();
        if (threads <= 1) {
            live.forEach(row -> openFollowUp(row, runtime, management));
            return live.size();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (Map<String, Object> row : live) {
                started.add(pool.submit(() -> openFollowUp(row, runtime, management)));
            }
            for (Future<?> future : started) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return live.size();
    }

    private static void openFollowUp(Map<String, Object> liveClass, RuntimeService runtime, ManagementService management) {
        String processInstanceId = runtime.createProcessInstanceByKey(FollowUpProcess.KEY)
                .businessKey((String) liveClass.get("class_number"))
                .setVariable(FollowUpProcess.Vars.CLASS_ID, ((Number) liveClass.get("id")).longValue())
                .execute().getId();
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).messages().list()) {
            management.executeJob(job.getId());
        }
    }

    /**
     * A SHA-256 (first 16 hex digits) and the row count per table over the city's rows in natural keys (codes and
     * numbers, never generated ids), so two cities of one seed compare equal on any database.
     */
    Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put("unit", checksum("""
                SELECT u.code, u.name, u.kind, p.code, u.leader_name FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
                 WHERE u.code LIKE 'KU%'"""));
        sums.put("cadre", checksum("""
                SELECT c.cadre_number, c.name, c.id_number, c.gender, c.birth_date, c.rank_level, c.category, c.education,
                       u.code, c.party_member, c.status, c.hired_on FROM cadre c JOIN unit u ON u.id = c.unit_id
                 WHERE c.cadre_number LIKE 'K%'"""));
        sums.put("training_class", checksum("""
                SELECT t.class_number, t.title, i.code, t.class_type, t.topic, t.start_date, t.end_date, t.status
                  FROM training_class t JOIN institution i ON i.id = t.institution_id WHERE t.class_number LIKE 'KB%'"""));
        sums.put("course", checksum(ofCityClass("course x", "x.line_no, x.title, x.hours, x.category")));
        sums.put("teaching_session", checksum(ofCityClass("teaching_session x", "x.session_date, x.period, x.hours")));
        sums.put("enrollment", checksum(ofCityClass("enrollment x JOIN cadre c ON c.id = x.cadre_id",
                "c.cadre_number, x.status, x.hours, x.credits, x.grade, x.certificate_number")));
        sums.put("assessment_result", checksum(ofCityClass("assessment_result x JOIN cadre c ON c.id = x.cadre_id",
                "c.cadre_number, x.result, x.grade, x.class_rank, x.completed")));
        sums.put("attendance_mark", checksum("""
                SELECT t.class_number, s.session_date, c.cadre_number, x.mark FROM training_class t
                  JOIN teaching_session s ON s.class_id = t.id JOIN attendance_mark x ON x.session_id = s.id
                  JOIN cadre c ON c.id = x.cadre_id WHERE t.class_number LIKE 'KB%'"""));
        sums.put("credit_entry", checksum("""
                SELECT c.cadre_number, x.credit_year, x.source_ref, x.credits, x.hours FROM credit_entry x
                  JOIN cadre c ON c.id = x.cadre_id WHERE x.source_ref LIKE 'KB%'"""));
        sums.put("follow_up", checksum(ofCityClass("follow_up x", "x.starts_on, x.ends_on, x.status")));
        sums.put("learning_summary", checksum("""
                SELECT t.class_number, c.cadre_number, x.status FROM learning_summary x JOIN follow_up f ON f.id = x.follow_up_id
                  JOIN training_class t ON t.id = f.class_id JOIN cadre c ON c.id = x.cadre_id
                 WHERE t.class_number LIKE 'KB%'"""));
        return sums;
    }

    private static String ofCityClass(String from, String columns) {
        return "SELECT t.class_number, " + columns + " FROM training_class t JOIN " + from
                + " ON t.id = x.class_id WHERE t.class_number LIKE 'KB%'";
    }

    private String checksum(String select) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int[] count = {0};
        jdbc.sql(select + " ORDER BY 1, 2, 3").query(rs -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            digest.update(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            count[0]++;
        });
        return count[0] + ":" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** SQL: the reference day plus {@code days}. */
    private String day(int days) {
        return "DATE '" + asOf.plusDays(days) + "'";
    }

    /** SQL: a Chinese name of two or three characters, drawn by {@code key}. */
    private String name(String key, int salt) {
        return "SUBSTRING('%1$s', %2$s + 1, 1) || SUBSTRING('%3$s', %4$s + 1, 1) || CASE WHEN %5$s < 6 THEN SUBSTRING('%3$s', %6$s + 1, 1) ELSE '' END"
                .formatted(SURNAMES, rnd(key, salt, SURNAMES.length()), GIVEN, rnd(key, salt + 100, GIVEN.length()),
                        rnd(key, salt + 200, 10), rnd(key, salt + 300, GIVEN.length()));
    }

    /**
     * SQL: a pseudo-random INT in [0, n), n ≤ 32768, from an integer expression: two rounds of a 31-bit linear
     * congruential step seeded with (seed, salt), then the high bits. Portable integer arithmetic, no random().
     */
    String rnd(String expr, int salt, int n) {
        long start = Math.floorMod(seed * 9_973L + salt * 7_919L, 2_147_483_648L);
        return "CAST(MOD(MOD(MOD(CAST(%s AS BIGINT) * 1103515245 + %d, 2147483648) * 1103515245 + 12345, 2147483648) / 65536, %d) AS INT)"
                .formatted(expr, start, n);
    }
}
