package cn.ganxun.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.ganxun.followup.FollowUpProcess;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/**
 * The benchmark city's generator on a small city (12 units, 500 cadres, 20 + 2 classes of 20): the same seed gives
 * the same city, another seed another one, the counts are the ones asked for, and the live classes' follow-ups open
 * through the engine with a learning-summary task per trainee. Every city is rolled back, so other tests never see it.
 */
@GanxunTest
@AlsoOnPostgres
class CityGeneratorTest {

    private static final CitySize SMALL = new CitySize(12, 500, 20, 2, 20);
    private static final LocalDate AS_OF = LocalDate.of(2027, 6, 30);

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;

    @Test
    void sameSeedGivesTheSameCityAnotherSeedAnotherOne() {
        Function<CityGenerator, Map<String, String>> checksums = generator -> {
            generator.generateHistory();
            return generator.checksums();
        };
        Map<String, String> first = rolledBack(checksums, 42);
        Map<String, String> again = rolledBack(checksums, 42);
        Map<String, String> other = rolledBack(checksums, 43);

        assertThat(again).isEqualTo(first);
        assertThat(other.get("cadre")).isNotEqualTo(first.get("cadre"));
        assertThat(other.get("enrollment")).isNotEqualTo(first.get("enrollment"));
        // same sizes, other content
        assertThat(other.get("cadre")).startsWith("500:");
    }

    @Test
    void historyHasTheAskedCountsAndNoCadreInTwoClassesAtOnce() {
        Map<String, Integer> rows = rolledBack(generator -> {
            Map<String, Integer> written = generator.generateHistory();
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM enrollment a JOIN training_class ta ON ta.id = a.class_id
                      JOIN enrollment b ON b.cadre_id = a.cadre_id AND b.class_id <> a.class_id
                      JOIN training_class tb ON tb.id = b.class_id
                     WHERE ta.class_number LIKE 'KB%' AND ta.start_date <= tb.end_date AND tb.start_date <= ta.end_date""")
                    .query(Integer.class).single()).as("R10 overlaps").isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_result r JOIN training_class t ON t.id = r.class_id "
                    + "WHERE t.class_number LIKE 'KB%' AND r.confirmed_at IS NULL").query(Integer.class).single()).isZero();
            return written;
        }, 42);

        assertThat(rows).containsEntry("unit", 12).containsEntry("cadre", 500).containsEntry("training_class", 22)
                .containsEntry("enrollment", 440).containsEntry("assessment_result", 440)
                .containsEntry("follow_up", 20).containsEntry("learning_summary", 400);
        assertThat(rows.get("attendance_mark")).isGreaterThanOrEqualTo(440 * 3);
        assertThat(rows.get("credit_entry")).isBetween(300, 440);
    }

    @Test
    void liveClassesOpenTheirFollowUpsInTheEngine() {
        List<Long> tasksAndTimers = rolledBack(generator -> {
            generator.generateHistory();
            try {
                assertThat(generator.openFollowUps(runtime, management, 1)).isEqualTo(2);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return List.of(tasks.createTaskQuery().processDefinitionKey(FollowUpProcess.KEY)
                    .taskDefinitionKey(FollowUpProcess.Elements.TASK_WRITE_LEARNING_SUMMARY)
                    .processInstanceBusinessKeyLike("KB%").count(),
                    management.createJobQuery().timers().activityId(FollowUpProcess.Elements.BOUNDARY_SUMMARY_DUE).count(),
                    management.createJobQuery().timers().activityId(FollowUpProcess.Elements.BOUNDARY_SUMMARY_OVERDUE).count());
        }, 42);

        assertThat(tasksAndTimers).as("per trainee: a summary task, its due timer and its overdue timer")
                .containsExactly(40L, 40L, 40L);
    }

    /** Generates the city of {@code seed} in a transaction, applies {@code check} and rolls everything back. */
    private <T> T rolledBack(Function<CityGenerator, T> check, long seed) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            return check.apply(new CityGenerator(jdbc, seed, AS_OF, SMALL));
        });
    }
}
