package cn.ganxun.makeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.certificates.Certificate;
import cn.ganxun.certificates.CertificateService;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** R21: failing or incomplete trainees go on the make-up list (and get no certificate); the org department places them. */
@GanxunTest
@AlsoOnPostgres
@Transactional
class MakeUpServiceTest {

    static final Actor ORG = new Actor("makeup-org", List.of(Groups.ORG_DEPT), null, null, null);

    @Autowired MakeUpService makeUp;
    @Autowired CertificateService certificates;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired JdbcClient jdbc;

    long classId;
    LocalDate end = LocalDate.of(2027, 4, 10);
    long passed;
    long failed;
    long incomplete;
    long failedAndIncomplete;
    long unconfirmedFail;

    @BeforeEach
    void setUp() {
        long unit = fixtures.unit("补训测试局");
        classId = fixtures.trainingClass("补训", end.minusDays(4), end, true);
        passed = trainee(unit, "PASS", true, true);
        failed = trainee(unit, "FAIL", true, true);
        incomplete = trainee(unit, "GOOD", false, true);
        failedAndIncomplete = trainee(unit, "FAIL", false, true);
        unconfirmedFail = trainee(unit, "FAIL", true, false);
    }

    private long trainee(long unit, String grade, boolean completed, boolean confirmed) {
        long cadre = fixtures.cadre(unit, Rank.STAFF);
        fixtures.enroll(classId, cadre, "ENROLLED", null);
        if (confirmed) {
            completion.result(classId, cadre, grade, completed);
        } else {
            completion.unconfirmedResult(classId, cadre, grade, completed);
        }
        return cadre;
    }

    @Test
    void R21_passing_trainees_get_a_certificate_and_failing_or_incomplete_ones_make_up_training_never_both() {
        List<Certificate> issued = certificates.issueFor(classId);
        List<MakeUpEntry> listed = makeUp.listFor(classId);

        assertThat(issued).extracting(Certificate::cadreId).containsExactly(passed);
        assertThat(listed).extracting(MakeUpEntry::cadreId)
                .containsExactlyInAnyOrder(failed, incomplete, failedAndIncomplete);
        assertThat(listed).filteredOn(e -> e.cadreId() == failed).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(MakeUpEntry.FAILED));
        assertThat(listed).filteredOn(e -> e.cadreId() == incomplete).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(MakeUpEntry.INCOMPLETE));
        assertThat(listed).filteredOn(e -> e.cadreId() == failedAndIncomplete).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(MakeUpEntry.INCOMPLETE));
        assertThat(listed).allSatisfy(e -> assertThat(e.placed()).isFalse());
        assertThat(makeUp.pending()).extracting(MakeUpEntry::id).containsAll(listed.stream().map(MakeUpEntry::id).toList());
    }

    @Test
    void R21_listing_again_adds_nobody_twice() {
        List<MakeUpEntry> first = makeUp.listFor(classId);
        List<MakeUpEntry> again = makeUp.listFor(classId);

        assertThat(again).extracting(MakeUpEntry::id).containsExactlyElementsOf(first.stream().map(MakeUpEntry::id).toList());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM make_up_training WHERE class_id = ?").param(classId)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void R21_the_org_department_places_a_trainee_in_a_later_approved_class() {
        MakeUpEntry entry = entryOf(failed);
        long later = fixtures.trainingClass("补训", end.plusDays(30), end.plusDays(34), true);

        MakeUpEntry placed = makeUp.place(entry.id(), later, ORG);

        assertThat(placed.placedClassId()).isEqualTo(later);
        assertThat(placed.placedClassNumber()).isEqualTo(fixtures.classNumber(later));
        assertThat(placed.placedBy()).isEqualTo("makeup-org");
        assertThat(makeUp.pending()).extracting(MakeUpEntry::id).doesNotContain(entry.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM enrollment WHERE class_id = ?").param(later).query(Integer.class)
                .single()).as("the later roster is not touched").isZero();
        assertThat(makeUp.listFor(classId)).filteredOn(e -> e.id() == entry.id()).singleElement()
                .satisfies(e -> assertThat(e.placedClassId()).isEqualTo(later));
    }

    @Test
    void R21_placement_refuses_classes_that_start_too_early_or_are_not_approved_and_double_placement() {
        MakeUpEntry entry = entryOf(incomplete);
        long sameDay = fixtures.trainingClass("补训", end, end.plusDays(3), true);
        long rejected = fixtures.trainingClass("补训", end.plusDays(20), end.plusDays(22), true);
        jdbc.sql("UPDATE training_class SET status = 'REJECTED' WHERE id = ?").param(rejected).update();
        long later = fixtures.trainingClass("补训", end.plusDays(1), end.plusDays(3), true);

        assertThatThrownBy(() -> makeUp.place(entry.id(), sameDay, ORG))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("结束");
        assertThatThrownBy(() -> makeUp.place(entry.id(), rejected, ORG))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("REJECTED");
        assertThatThrownBy(() -> makeUp.place(entry.id(), -1, ORG))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不存在");
        assertThatThrownBy(() -> makeUp.place(-1, later, ORG)).isInstanceOf(NotFoundException.class);
        Actor hr = new Actor("makeup-hr", List.of(Groups.UNIT_HR), 1L, null, null);
        assertThatThrownBy(() -> makeUp.place(entry.id(), later, hr)).isInstanceOf(AccessDeniedException.class);

        makeUp.place(entry.id(), later, ORG);
        assertThatThrownBy(() -> makeUp.place(entry.id(), later, ORG))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已安排");
    }

    private MakeUpEntry entryOf(long cadreId) {
        return makeUp.listFor(classId).stream().filter(e -> e.cadreId() == cadreId).findFirst().orElseThrow();
    }
}
