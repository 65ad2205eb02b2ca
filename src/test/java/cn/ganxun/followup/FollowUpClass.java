package cn.ganxun.followup;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * A class of the test institution (FXI01) that ended yesterday with confirmed results, committed, for follow-up tests:
 * a county deputy (leader level) with a trainee account and a staff member of unit one, and a staff member of unit two;
 * the staff members have no account (the institution writes their summaries on their behalf).
 */
final class FollowUpClass {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final long classId;
    final String classNumber;
    final LocalDate endDate;
    final long unitOne;
    final long unitTwo;
    final long leader;
    final long staffOne;
    final long staffTwo;
    final String leaderAccount;
    final String institutionGroup = Groups.institution("FXI01");
    final long institutionId;

    FollowUpClass(TrainingFixtures fixtures, CompletionFixtures completion, TestDirectory directory, JdbcClient jdbc) {
        int n = SEQUENCE.incrementAndGet();
        endDate = EngineClock.today().minusDays(1);
        classId = fixtures.trainingClass("跟踪问效", endDate.minusDays(4), endDate, true);
        classNumber = fixtures.classNumber(classId);
        institutionId = jdbc.sql("SELECT institution_id FROM training_class WHERE id = ?").param(classId).query(Long.class)
                .single();
        unitOne = fixtures.unit("跟踪测试一局");
        unitTwo = fixtures.unit("跟踪测试二局");
        leader = trainee(fixtures, completion, jdbc, unitOne, Rank.COUNTY_DEPUTY, "周领导" + n);
        staffOne = trainee(fixtures, completion, jdbc, unitOne, Rank.STAFF, "吴科员" + n);
        staffTwo = trainee(fixtures, completion, jdbc, unitTwo, Rank.STAFF, "郑科员" + n);
        leaderAccount = directory.user("fu-trainee-" + n + "-" + classId, Groups.TRAINEE);
        directory.bindToCadre(leaderAccount, leader);
    }

    private long trainee(TrainingFixtures fixtures, CompletionFixtures completion, JdbcClient jdbc, long unit, Rank rank,
            String name) {
        long cadreId = fixtures.cadre(unit, rank);
        jdbc.sql("UPDATE cadre SET name = ? WHERE id = ?").params(name, cadreId).update();
        fixtures.enroll(classId, cadreId, "COMPLETED", 32.0);
        completion.result(classId, cadreId, "GOOD", true);
        return cadreId;
    }

    String name(JdbcClient jdbc, long cadreId) {
        return jdbc.sql("SELECT name FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }
}
