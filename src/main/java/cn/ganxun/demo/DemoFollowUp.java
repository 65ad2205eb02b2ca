package cn.ganxun.demo;

import java.sql.Timestamp;
import java.time.LocalDateTime;
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

/**
 * Puts the demo city's most recent class of the party school (DX01) or the cadre college (GB01) into its follow-up,
 * so the follow-up logins have work on a fresh start: its enrollments' grades become confirmed results (as the
 * assessment would have left them) and {@code follow-up} starts for it (business key = class number). Once only:
 * nothing happens when any follow-up exists or the class has confirmed results already.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = {"ganxun.demo.enabled", "ganxun.demo.follow-up"}, havingValue = "true", matchIfMissing = false)
class DemoFollowUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFollowUp.class);

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
        if (jdbc.sql("SELECT COUNT(*) FROM follow_up").query(Integer.class).single() > 0) {
            return Optional.empty();
        }
        record Latest(long id, String number) {
        }
        Optional<Latest> latest = jdbc.sql("""
                SELECT k.id, k.class_number FROM training_class k JOIN institution i ON i.id = k.institution_id
                 WHERE i.code IN ('DX01', 'GB01') AND k.status = 'CLOSED'
                   AND EXISTS (SELECT 1 FROM enrollment e WHERE e.class_id = k.id AND e.grade IS NOT NULL)
                   AND NOT EXISTS (SELECT 1 FROM assessment_result r WHERE r.class_id = k.id)
                 ORDER BY k.end_date DESC, k.class_number DESC""")
                .query((rs, n) -> new Latest(rs.getLong("id"), rs.getString("class_number"))).list().stream().findFirst();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        long classId = latest.get().id();
        jdbc.sql("""
                INSERT INTO assessment_result (class_id, cadre_id, result, grade, class_rank, completed, confirmed_by, confirmed_at)
                SELECT e.class_id, e.cadre_id,
                       CASE e.grade WHEN 'EXCELLENT' THEN 92 WHEN 'GOOD' THEN 85 WHEN 'PASS' THEN 72 ELSE 50 END,
                       e.grade,
                       (SELECT COUNT(*) + 1 FROM enrollment b WHERE b.class_id = e.class_id AND b.grade IS NOT NULL
                           AND CASE b.grade WHEN 'EXCELLENT' THEN 0 WHEN 'GOOD' THEN 1 WHEN 'PASS' THEN 2 ELSE 3 END
                             < CASE e.grade WHEN 'EXCELLENT' THEN 0 WHEN 'GOOD' THEN 1 WHEN 'PASS' THEN 2 ELSE 3 END),
                       e.grade <> 'FAIL', 'demo', ?
                  FROM enrollment e WHERE e.class_id = ? AND e.grade IS NOT NULL""")
                .params(Timestamp.valueOf(LocalDateTime.now()), classId).update();
        runtimeService.createProcessInstanceByKey(FollowUpProcess.KEY).businessKey(latest.get().number())
                .setVariable(FollowUpProcess.Vars.CLASS_ID, classId).execute();
        log.info("Demo follow-up started for class {}", latest.get().number());
        return Optional.of(latest.get().number());
    }
}
