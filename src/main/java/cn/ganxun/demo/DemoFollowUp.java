package cn.ganxun.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.followup.FollowUpProcess;
import cn.ganxun.platform.EngineClock;

/**
 * A demo class in its follow-up, so the follow-up logins have work on a fresh start: a five-day off-job class of the
 * party school (DX01) that ended two weeks ago (after every class of the demo history, so no trainee sits in two
 * classes at once), with six trainees of CD01 (the demo trainee C000001 first) and six of the district DS01 and its
 * towns, their results confirmed as the assessment would have left them (95, 93, … points; 优秀 from 90, 良好 from 80,
 * as in grade-thresholds.dmn); then {@code follow-up} starts for it (business key = class number). Runs after the demo
 * accounts are bound ({@code @Order(30)}) and once only: nothing happens when any follow-up exists.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = {"ganxun.demo.enabled", "ganxun.demo.follow-up"}, havingValue = "true")
class DemoFollowUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFollowUp.class);
    private static final int TRAINEES = 12;

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;

    DemoFollowUp(JdbcClient jdbc, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        start();
    }

    /** @return the class number followed up now, if one was */
    @Transactional
    public Optional<String> start() {
        if (jdbc.sql("SELECT COUNT(*) FROM follow_up").query(Integer.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM institution WHERE code = 'DX01'").query(Integer.class).single() == 0) {
            return Optional.empty();
        }
        LocalDate end = EngineClock.today().minusDays(14);
        LocalDate start = end.minusDays(4);
        String number = "H" + end.getYear() + "-0900";
        LocalDateTime now = EngineClock.now();
        jdbc.sql("""
                INSERT INTO training_class (class_number, title, institution_id, class_type, topic, start_date, end_date,
                        off_job, planned_participants, dispatch_mode, status, revision, created_at, updated_at)
                SELECT ?, ?, id, 'TRAINING', '增强党性 锤炼作风', ?, ?, TRUE, 30, 'QUOTA', 'APPROVED', 1, ?, ?
                  FROM institution WHERE code = 'DX01'""")
                .params(number, "党性教育专题培训班（" + end.getYear() + "年训后跟踪示范班）", start, end,
                        Timestamp.valueOf(start.minusDays(45).atTime(9, 0)), Timestamp.valueOf(now))
                .update();
        long classId = jdbc.sql("SELECT id FROM training_class WHERE class_number = ?").param(number).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO course (class_id, line_no, title, hours, category) VALUES
                    (?, 1, '习近平新时代中国特色社会主义思想概论', 20, 'PARTY_THEORY'),
                    (?, 2, '党章学习与党性修养', 20, 'PARTY_SPIRIT')""")
                .params(classId, classId).update();
        List<Long> roster = new ArrayList<>();
        for (String unit : List.of("CD01", "DS01")) {
            roster.addAll(jdbc.sql("""
                    SELECT c.id FROM cadre c JOIN unit u ON u.id = c.unit_id
                     WHERE c.status = 'ACTIVE' AND (u.code = ? OR u.parent_id = (SELECT id FROM unit WHERE code = ?)
                                                  OR c.cadre_number = 'C000001')
                     ORDER BY CASE WHEN c.cadre_number = 'C000001' THEN 0 ELSE 1 END, c.cadre_number""")
                    .params(unit, unit).query(Long.class).list().stream().filter(id -> !roster.contains(id))
                    .limit(TRAINEES / 2).toList());
        }
        for (int i = 0; i < roster.size(); i++) {
            int result = 95 - 2 * i;
            String grade = result >= 90 ? "EXCELLENT" : result >= 80 ? "GOOD" : "PASS";
            jdbc.sql("""
                    INSERT INTO enrollment (class_id, cadre_id, status, hours, credits, grade, created_at)
                    VALUES (?, ?, 'COMPLETED', 40, 25, ?, ?)""")
                    .params(classId, roster.get(i), grade, Timestamp.valueOf(start.minusDays(10).atTime(9, 0))).update();
            jdbc.sql("""
                    INSERT INTO assessment_result (class_id, cadre_id, result, grade, class_rank, completed, confirmed_by, confirmed_at)
                    VALUES (?, ?, ?, ?, ?, TRUE, 'demo', ?)""")
                    .params(classId, roster.get(i), BigDecimal.valueOf(result), grade, i + 1,
                            Timestamp.valueOf(end.plusDays(1).atTime(17, 0)))
                    .update();
        }
        DemoCredits.post(jdbc);
        runtimeService.createProcessInstanceByKey(FollowUpProcess.KEY).businessKey(number)
                .setVariable(FollowUpProcess.Vars.CLASS_ID, classId).execute();
        log.info("Demo follow-up started for class {} with {} trainees", number, roster.size());
        return Optional.of(number);
    }
}
