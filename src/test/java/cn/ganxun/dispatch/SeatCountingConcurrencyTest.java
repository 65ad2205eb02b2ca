package cn.ganxun.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * R9 seat counting under concurrency: two unit HR users taking the last seat at the same moment, in parallel
 * threads with their own transactions, never overbook — neither one unit's allocation nor the class.
 */
@GanxunTest
@AlsoOnPostgres
class SeatCountingConcurrencyTest {

    @Autowired RosterService roster;
    @Autowired QuotaService quotas;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired CurrentUser currentUser;
    @Autowired JdbcClient jdbc;

    @RepeatedTest(3)
    void r9_twoUsersOfOneUnitRaceForItsLastSeat() throws Exception {
        long unit = fixtures.unit("并发测试局");
        Actor first = unitHr(unit, "a");
        Actor second = unitHr(unit, "b");
        long classId = openClass(List.of(new RosterPlan.UnitSeats(unit, 1)));
        long allocation = roster.allocationIds(classId).get(0);
        long c1 = fixtures.cadre(unit, Rank.STAFF);
        long c2 = fixtures.cadre(unit, Rank.STAFF);

        List<Object> outcomes = race(() -> quotas.nominate(allocation, List.of(c1), first),
                () -> quotas.nominate(allocation, List.of(c2), second));

        assertThat(outcomes).filteredOn(o -> o instanceof Boolean).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Throwable).hasSize(1);
        assertThat(seatsTaken(classId)).isEqualTo(1);
        assertThat(activeNominations(classId)).isEqualTo(1);
        assertThat(quotas.find(allocation).seatsUsed()).isEqualTo(1);
    }

    @RepeatedTest(3)
    void r9_twoUnitsRaceForTheClassesLastSeat() throws Exception {
        long unitA = fixtures.unit("并发甲局");
        long unitB = fixtures.unit("并发乙局");
        Actor hrA = unitHr(unitA, "a");
        Actor hrB = unitHr(unitB, "b");
        long classId = openClass(List.of(new RosterPlan.UnitSeats(unitA, 1), new RosterPlan.UnitSeats(unitB, 1)));
        // one seat of the class is gone (e.g. a named cadre confirmed meanwhile): only one seat is left for both units
        jdbc.sql("UPDATE class_roster SET seats = 1 WHERE class_id = ?").param(classId).update();
        List<Long> allocations = roster.allocationIds(classId);
        long cA = fixtures.cadre(unitA, Rank.STAFF);
        long cB = fixtures.cadre(unitB, Rank.STAFF);

        List<Object> outcomes = race(() -> quotas.nominate(allocations.get(0), List.of(cA), hrA),
                () -> quotas.nominate(allocations.get(1), List.of(cB), hrB));

        assertThat(outcomes).filteredOn(o -> o instanceof Boolean).hasSize(1);
        assertThat(seatsTaken(classId)).isEqualTo(1);
        assertThat(activeNominations(classId)).isEqualTo(1);
    }

    private long openClass(List<RosterPlan.UnitSeats> allocations) {
        LocalDate start = EngineClock.today().plusDays(50);
        long classId = fixtures.trainingClass("并发测试", start, start.plusDays(2), true);
        fixtures.course(classId, "PARTY_THEORY", 16);
        roster.open(classId, new RosterPlan(EngineClock.now().plusDays(10), List.of(), allocations, false), "race-org");
        return classId;
    }

    private Actor unitHr(long unitId, String suffix) {
        String code = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unitId).query(String.class).single();
        String user = directory.user("race-" + code.toLowerCase() + "-" + suffix, Groups.UNIT_HR, Groups.unitHr(code));
        directory.bindToUnit(user, unitId);
        return currentUser.of(user);
    }

    /** Runs both calls released by one barrier; each result is the call's value or the exception it threw. */
    private static List<Object> race(Callable<Object> one, Callable<Object> two) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : List.of(one, two)) {
                futures.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private int seatsTaken(long classId) {
        return jdbc.sql("SELECT seats_taken FROM class_roster WHERE class_id = ?").param(classId).query(Integer.class).single();
    }

    private long activeNominations(long classId) {
        return jdbc.sql("SELECT COUNT(*) FROM nomination WHERE class_id = ? AND status = 'ACTIVE'").param(classId)
                .query(Long.class).single();
    }
}
