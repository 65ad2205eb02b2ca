package cn.ganxun.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The materialized coverage figures (R4–R7, issue 8): reports read figures at most the configured age old and see a
 * change once that age has passed; recomputations on several connections at once serialize on the day's state row and
 * leave exactly one row per active cadre. (The other tests run with age zero, recomputing on every report.)
 */
@GanxunTest
@AlsoOnPostgres
class CoverageCurrentTest {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TrainingFixtures fixtures;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void r5_reportsReadFiguresAtMostTheMaxAgeOldAndTheChangeOnceItPassed() {
        CoverageCurrent current = new CoverageCurrent(jdbc, transactions, Duration.ofMinutes(1));
        LocalDate asOf = EngineClock.today().minusDays(3); // a day no other test reports on
        new TransactionTemplate(transactions).executeWithoutResult(rollback -> {
            long unitId = fixtures.unit("物化覆盖单位");
            long cadreId = fixtures.cadre(unitId, Rank.STAFF);
            assertThat(lightOf(current, asOf, cadreId)).isEqualTo("RED");

            long classId = fixtures.trainingClass("党性教育", asOf.minusDays(30), asOf.minusDays(26), true);
            fixtures.course(classId, "PARTY_THEORY", 500.0);
            fixtures.enroll(classId, cadreId, "COMPLETED", 500.0);
            assertThat(lightOf(current, asOf, cadreId)).as("within the max age: the figures computed before")
                    .isEqualTo("RED");

            ClockUtil.setCurrentTime(Date.from(EngineClock.now().plusSeconds(61).atZone(ZoneId.systemDefault()).toInstant()));
            assertThat(lightOf(current, asOf, cadreId)).as("older than the max age: recomputed").isEqualTo("GREEN");
            assertThat(current.computedAt(asOf)).hasValueSatisfying(at -> assertThat(at).isAfter(EngineClock.now().minusSeconds(5)));
            rollback.setRollbackOnly();
        });
    }

    @Test
    void r5_recomputationsOnFourConnectionsAtOnceLeaveOneRowPerActiveCadre() throws Exception {
        CoverageCurrent current = new CoverageCurrent(jdbc, transactions, Duration.ZERO);
        LocalDate asOf = LocalDate.of(2003, 3, 3); // a day no other test reports on
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> reports = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                reports.add(() -> jdbc.sql("SELECT COUNT(*) FROM (" + current.figures(asOf, "c.status = 'ACTIVE'") + ") f")
                        .param("asOf", asOf).query(Long.class).single());
            }
            long active = jdbc.sql("SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE'").query(Long.class).single();
            for (Future<Long> count : pool.invokeAll(reports)) {
                assertThat(count.get()).isEqualTo(active);
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM coverage_current WHERE as_of = ?").param(asOf).query(Long.class)
                    .single()).isEqualTo(active);
        } finally {
            pool.shutdown();
            jdbc.sql("DELETE FROM coverage_current WHERE as_of = ?").param(asOf).update();
            jdbc.sql("DELETE FROM coverage_current_state WHERE as_of = ?").param(asOf).update();
        }
    }

    private String lightOf(CoverageCurrent current, LocalDate asOf, long cadreId) {
        return jdbc.sql("SELECT f.light FROM (" + current.figures(asOf, "c.cadre_id = :cadreId") + ") f")
                .param("asOf", asOf).param("cadreId", cadreId).query(String.class).single();
    }
}
