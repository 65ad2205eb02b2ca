package cn.ganxun.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.dispatch.MandateDecision.Action;
import cn.ganxun.dispatch.NamedMandateProcess.RuleOutcome;
import cn.ganxun.dispatch.NamedMandateProcess.SubstitutionDecision;
import cn.ganxun.dispatch.NamedMandateProcess.UnitDecision;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** NamedMandateService without the engine (R1, R8, R10), in a rolled-back transaction. */
@GanxunTest
@AlsoOnPostgres
@Transactional
class NamedMandateServiceTest {

    @Autowired NamedMandateService mandates;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired UnitRepository units;
    @Autowired JdbcClient jdbc;

    long unitId;
    long classId;
    LocalDate start;
    LocalDateTime deadline;

    @BeforeEach
    void classWithOpenRoster() {
        unitId = fixtures.unit("服务测试单位");
        start = EngineClock.today().plusDays(60);
        classId = fixtures.trainingClass("服务测试主题", start, start.plusDays(34), true);
        deadline = EngineClock.today().plusDays(30).atTime(17, 30);
        jdbc.sql("INSERT INTO class_roster (class_id, seats, seats_taken, enrollment_deadline, status, opened_by, opened_at) "
                        + "VALUES (?, 30, 0, ?, 'OPEN', 'orgstaff-svc', ?)")
                .params(classId, Timestamp.valueOf(deadline), Timestamp.valueOf(EngineClock.now())).update();
    }

    @Test
    void tasksGoToTheUnitOfTheCadreWithTheRosterDeadlineAndAReminderBeforeIt() {
        long mandateId = mandate(fixtures.cadre(unitId, Rank.STAFF));

        MandateTasks tasks = mandates.tasks(mandateId);

        assertThat(tasks.unitHrGroup()).isEqualTo(Groups.unitHr(units.findById(unitId).orElseThrow().code()));
        assertThat(tasks.deadline()).isEqualTo(deadline);
        assertThat(tasks.reminderDate()).isEqualTo(deadline.minusDays(2));
        assertThat(tasks.substituted()).isFalse();
        assertThat(mandates.acknowledgingUsers(mandateId)).isEmpty();
        assertThat(mandates.acknowledgingGroups(mandateId)).containsExactly(tasks.unitHrGroup());
    }

    @Test
    void aCadreWithAnAccountAcknowledgesThemself() {
        long cadreId = fixtures.cadre(unitId, Rank.STAFF);
        directory.bindToCadre(directory.user("trainee-svc"), cadreId);
        long mandateId = mandate(cadreId);

        assertThat(mandates.acknowledgingUsers(mandateId)).containsExactly("trainee-svc");
        assertThat(mandates.acknowledgingGroups(mandateId)).isEmpty();
    }

    @Test
    void r1_retiredCadreIsBlockedAndTheMandateWithdrawnWithTheFindings() {
        long mandateId = mandate(fixtures.retiredCadre(unitId));

        assertThat(mandates.checkRules(mandateId)).isEqualTo(RuleOutcome.BLOCKED);

        assertThat(mandates.find(mandateId).status()).isEqualTo("WITHDRAWN");
        assertThat(mandates.decisions(mandateId)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(Action.RULES_BLOCKED);
            assertThat(d.reason()).startsWith("R1：").contains("已退休");
        });
    }

    @Test
    void r10_longOffJobTrainingNeedsAnOverrideBeforeTheCadreIsNominated() {
        long cadreId = fixtures.cadre(unitId, Rank.STAFF);
        LocalDate earlier = start.minusYears(3);
        long previous = fixtures.trainingClass("往期主题", earlier, earlier.plusDays(40), true);
        fixtures.enroll(previous, cadreId, "COMPLETED", 200.0);
        long mandateId = mandate(cadreId);

        assertThat(mandates.checkRules(mandateId)).isEqualTo(RuleOutcome.OVERRIDE_NEEDED);
        assertThat(mandates.summary(mandateId)).contains("R10【须特批】", fixtures.classNumber(previous));
        assertThatThrownBy(() -> mandates.nominate(mandateId)).isInstanceOf(IllegalStateException.class);
        assertThat(mandates.find(mandateId).status()).isEqualTo("NOTIFIED");
    }

    @Test
    void aCadreWithNothingOnRecordIsClearAndNominatedInTheNameOfTheOrgDepartment() {
        long mandateId = mandate(fixtures.cadre(unitId, Rank.STAFF));

        assertThat(mandates.checkRules(mandateId)).isEqualTo(RuleOutcome.CLEAR);
        long nominationId = mandates.nominate(mandateId);

        assertThat(jdbc.sql("SELECT nominated_by FROM nomination WHERE id = ? AND mandate_id = ? AND status = 'ACTIVE'")
                .params(nominationId, mandateId).query(String.class).single()).isEqualTo("orgstaff-svc");
    }

    @Test
    void r8_aSubstitutionIsDecidedOnlyWhileRequestedAndAnotherCadreOnTheRosterIsRefused() {
        long cadreId = fixtures.cadre(unitId, Rank.STAFF);
        long onRoster = fixtures.cadre(unitId, Rank.STAFF);
        long mandateId = mandate(cadreId);
        mandate(onRoster);

        assertThatThrownBy(() -> mandates.decideSubstitution(mandateId, SubstitutionDecision.APPROVE, null, "approver"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能办理此步骤");
        assertThatThrownBy(() -> mandates.decideUnit(mandateId, UnitDecision.SUBSTITUTE, number(onRoster), "病假", "hr"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已在本班调训名单中");
        assertThat(mandates.decisions(mandateId)).isEmpty();
    }

    private long mandate(long cadreId) {
        jdbc.sql("INSERT INTO named_mandate (class_id, cadre_id, original_cadre_id, status, created_at, updated_at) "
                        + "VALUES (?, ?, ?, 'NOTIFIED', ?, ?)")
                .params(classId, cadreId, cadreId, Timestamp.valueOf(EngineClock.now()), Timestamp.valueOf(EngineClock.now()))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM named_mandate WHERE class_id = ?").param(classId).query(Long.class).single();
    }

    private String number(long cadreId) {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }
}
