package cn.ganxun.coverage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.ganxun.platform.EngineClock;

/**
 * Every active cadre's coverage figures (R4–R7) at a reference day, materialized in {@code coverage_current} so that
 * population-wide reports read one row per cadre instead of aggregating five years of enrollments per request (issue
 * 8: at 50,000 cadres the aggregation takes 0.3–0.5 s, a read of the materialized rows a few milliseconds).
 *
 * <p>The figures of a day are recomputed, by one INSERT … SELECT over {@link CoverageSql#figures}, when a report asks
 * for them and they are older than {@code ganxun.coverage.figures-max-age} (so reports are at most that old; zero
 * recomputes on every request). A recomputation runs in a transaction of its own (or in the caller's, when that one
 * writes), serialized across nodes by the day's {@code coverage_current_state} row; while one is running in this JVM,
 * other requests read the figures before it (if there are any) instead of waiting.
 */
@Component
class CoverageCurrent {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageCurrent.class);

    private static final LocalDateTime NEVER = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Duration maxAge;
    private final Map<LocalDate, ReentrantLock> refreshing = new ConcurrentHashMap<>();

    CoverageCurrent(JdbcClient jdbc, PlatformTransactionManager transactions,
            @Value("${ganxun.coverage.figures-max-age}") Duration maxAge) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxAge = maxAge;
    }

    /**
     * The figures at {@code asOf} of the cadres matching {@code cadreFilter} (a predicate under alias {@code c}, as for
     * {@link CoverageSql#figures}), with the same columns; parameter {@code :asOf}. Recomputes them first when stale.
     */
    String figures(LocalDate asOf, String cadreFilter) {
        ensureFresh(asOf);
        return """
                SELECT c.* FROM (SELECT m.cadre_id, m.cadre_number, m.name, m.unit_id, m.rank_level, m.category,
                                        'ACTIVE' AS status, m.party_hours, m.total_hours, m.required_hours,
                                        m.participated, m.passed, m.light
                                 FROM coverage_current m WHERE m.as_of = :asOf) c
                WHERE\s""" + cadreFilter;
    }

    /** When the figures at {@code asOf} were computed, if ever. */
    Optional<LocalDateTime> computedAt(LocalDate asOf) {
        return jdbc.sql("SELECT computed_at FROM coverage_current_state WHERE as_of = ?").param(asOf)
                .query(Timestamp.class).optional().map(Timestamp::toLocalDateTime);
    }

    private void ensureFresh(LocalDate asOf) {
        Optional<LocalDateTime> computed = computedAt(asOf);
        if (computed.isPresent() && isFresh(computed.get())) {
            return;
        }
        ReentrantLock lock = refreshing.computeIfAbsent(asOf, day -> new ReentrantLock());
        boolean mayReadOlder = computed.isPresent() && !maxAge.isZero();
        if (mayReadOlder && !lock.tryLock()) {
            return; // being recomputed in this JVM: read the figures before it rather than wait
        }
        if (!mayReadOlder) {
            lock.lock();
        }
        try {
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
                // a caller that writes and then reports (a test's transaction too) sees its own rows
                if (computed.isEmpty()) {
                    insertState(asOf);
                }
                recompute(asOf);
                return;
            }
            if (computed.isEmpty()) {
                createState(asOf);
            }
            ownTransaction.executeWithoutResult(status -> recompute(asOf));
        } finally {
            lock.unlock();
        }
        forgetOldDays(asOf);
    }

    /** The day's state row, computed "never", in a transaction of its own (PostgreSQL aborts one on a failed insert). */
    private void createState(LocalDate asOf) {
        try {
            ownTransaction.executeWithoutResult(status -> insertState(asOf));
        } catch (DuplicateKeyException anotherNodeFirst) {
            // another node created it a moment ago: the lock in recompute decides who computes
        }
    }

    /** The day's state row as never computed, in the caller's transaction. */
    private void insertState(LocalDate asOf) {
        jdbc.sql("INSERT INTO coverage_current_state (as_of, computed_at) VALUES (?, ?)")
                .params(asOf, Timestamp.valueOf(NEVER)).update();
    }

    /**
     * Drops the figures of other days nobody asked for within a day (each day is 50,000 rows); best effort, in a
     * transaction of its own: a day being recomputed elsewhere at that moment stays for the next time.
     */
    private void forgetOldDays(LocalDate asOf) {
        Timestamp cutoff = Timestamp.valueOf(EngineClock.now().minusDays(1));
        try {
            ownTransaction.executeWithoutResult(status -> {
                String old = "SELECT as_of FROM coverage_current_state WHERE computed_at < :cutoff AND as_of <> :asOf";
                jdbc.sql("DELETE FROM coverage_current WHERE as_of IN (" + old + ")")
                        .param("cutoff", cutoff).param("asOf", asOf).update();
                jdbc.sql("DELETE FROM coverage_current_state WHERE as_of IN (SELECT s.as_of FROM (" + old + ") s)")
                        .param("cutoff", cutoff).param("asOf", asOf).update();
            });
        } catch (DataAccessException busy) {
            LOG.debug("old coverage figures left for later: {}", busy.getMessage());
        }
    }

    private boolean isFresh(LocalDateTime computedAt) {
        return !maxAge.isZero() && computedAt.isAfter(EngineClock.now().minus(maxAge));
    }

    /** Locks the day's state row (another node recomputing holds it), checks again, then replaces the day's rows. */
    private void recompute(LocalDate asOf) {
        LocalDateTime computed = jdbc.sql("SELECT computed_at FROM coverage_current_state WHERE as_of = ? FOR UPDATE")
                .param(asOf).query(Timestamp.class).single().toLocalDateTime();
        if (isFresh(computed)) {
            return; // another node recomputed while this one waited for the lock
        }
        long started = System.nanoTime();
        LocalDateTime now = EngineClock.now();
        jdbc.sql("DELETE FROM coverage_current WHERE as_of = ?").param(asOf).update();
        int cadres = jdbc.sql("""
                INSERT INTO coverage_current (as_of, cadre_id, cadre_number, name, unit_id, rank_level, category, light,
                                              party_hours, total_hours, required_hours, participated, passed)
                SELECT :asOf, f.cadre_id, f.cadre_number, f.name, f.unit_id, f.rank_level, f.category, f.light,
                       f.party_hours, f.total_hours, f.required_hours, f.participated, f.passed
                FROM (""" + CoverageSql.figures("c.status = 'ACTIVE'") + ") f")
                .param("asOf", asOf).param("windowStart", CoverageReport.windowStart(asOf)).update();
        jdbc.sql("UPDATE coverage_current_state SET computed_at = ? WHERE as_of = ?")
                .params(Timestamp.valueOf(now), asOf).update();
        LOG.debug("coverage figures as of {} recomputed for {} cadres in {} ms", asOf, cadres,
                (System.nanoTime() - started) / 1_000_000);
    }
}
