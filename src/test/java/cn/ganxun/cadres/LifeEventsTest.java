package cn.ganxun.cadres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.CadreViews.EventView;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.GanxunTest;

/** R1 life events through the service, on the demo city's units; each test rolls back. */
@GanxunTest
@AutoConfigureMockMvc
@Transactional
@RecordApplicationEvents
class LifeEventsTest {

    @Autowired
    LifeEvents lifeEvents;

    @Autowired
    CadreRepository cadres;

    @Autowired
    UnitRepository units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    long cd01;
    long cd02;
    long cadreId;

    @BeforeEach
    void hireOneCadre() {
        cd01 = units.findByCode("CD01").orElseThrow().id();
        cd02 = units.findByCode("CD02").orElseThrow().id();
        CadreProfile profile = TestCadres.staff("T700001", cd01, 1);
        cadreId = cadres.insertAll(List.of(profile)).get("T700001");
        lifeEvents.recordHires(List.of(new Cadre(cadreId, profile, CadreStatus.ACTIVE)), "org-test", "测试");
    }

    @Test
    void r1_promotionSetsTheNewRankAndPostAndIsKeptInTheHistory() {
        lifeEvents.record(cadreId, request("晋升", LocalDate.now().minusDays(3), "TOWNSHIP_DEPUTY", null, "综合科副科长"),
                TestCadres.ORG_DEPT);

        Cadre promoted = cadres.findById(cadreId).orElseThrow();
        assertThat(promoted.profile().rank()).isEqualTo(Rank.TOWNSHIP_DEPUTY);
        assertThat(promoted.profile().post()).isEqualTo("综合科副科长");
        assertThat(cadres.history(cadreId)).extracting(EventView::kind, EventView::fromRank, EventView::toRank)
                .containsExactly(tuple(CadreEventKind.HIRE, null, Rank.STAFF),
                        tuple(CadreEventKind.PROMOTION, Rank.STAFF, Rank.TOWNSHIP_DEPUTY));
        assertThat(events.stream(CadreEventRecorded.class))
                .contains(new CadreEventRecorded(cadreId, CadreEventKind.PROMOTION, LocalDate.now().minusDays(3)));
    }

    @Test
    void r1_aPromotionMustRaiseTheRank() {
        assertRefused(request("PROMOTION", LocalDate.now(), "科员及以下", null, null), "toRank",
                "晋升后职级 toRank（科员及以下）须高于现职级（科员及以下）");
        assertRefused(request("PROMOTION", LocalDate.now(), null, null, null), "toRank", "晋升须填写新职级 toRank");
        assertRefused(request("PROMOTION", LocalDate.now(), "处长", null, null), "toRank", "新职级 toRank 取值无效：处长");
    }

    @Test
    void r1_aTransferMovesTheCadreAndTheTrainingHistoryFollows() {
        long classId = insertClass("T-PAST", LocalDate.now().minusYears(1), LocalDate.now().minusYears(1).plusDays(4));
        enroll(classId, "COMPLETED");

        lifeEvents.record(cadreId, request("TRANSFER", LocalDate.now(), null, cd02, null), TestCadres.ORG_DEPT);

        assertThat(cadres.findById(cadreId).orElseThrow().profile().unitId()).isEqualTo(cd02);
        EventView transfer = cadres.history(cadreId).get(1);
        assertThat(transfer.kind()).isEqualTo(CadreEventKind.TRANSFER);
        assertThat(transfer.fromUnit().code()).isEqualTo("CD01");
        assertThat(transfer.toUnit().code()).isEqualTo("CD02");
        assertThat(cadres.trainings(cadreId)).extracting(CadreViews.TrainingView::classNumber).containsExactly("T-PAST");
    }

    @Test
    void r1_aTransferNeedsAnotherExistingUnit() {
        assertRefused(request("TRANSFER", LocalDate.now(), null, cd01, null), "toUnitId", "须不同于现单位");
        assertRefused(request("TRANSFER", LocalDate.now(), null, -1L, null), "toUnitId", "调入单位 toUnitId 不存在");
        assertRefused(request("TRANSFER", LocalDate.now(), null, null, null), "toUnitId", "调动须填写调入单位");
        assertRefused(request("TRANSFER", LocalDate.now(), "BUREAU", cd02, null), "toRank", "只有晋升才填写新职级");
    }

    @Test
    void r1_retirementLeavesTrainingPlans() {
        long past = insertClass("T-PAST", LocalDate.now().minusYears(1), LocalDate.now().minusYears(1).plusDays(4));
        long upcoming = insertClass("T-NEXT", LocalDate.now().plusDays(20), LocalDate.now().plusDays(24));
        enroll(past, "COMPLETED");
        enroll(upcoming, "ENROLLED");

        lifeEvents.record(cadreId, request("退休", LocalDate.now(), null, null, null), TestCadres.ORG_DEPT);

        assertThat(cadres.findById(cadreId).orElseThrow().status()).isEqualTo(CadreStatus.RETIRED);
        assertThat(jdbc.sql("SELECT status FROM enrollment WHERE cadre_id = ? ORDER BY class_id").param(cadreId)
                .query(String.class).list()).containsExactly("COMPLETED", "WITHDRAWN");
        assertThat(cadres.history(cadreId)).extracting(EventView::kind)
                .containsExactly(CadreEventKind.HIRE, CadreEventKind.RETIREMENT);
        assertThat(events.stream(CadreEventRecorded.class)).extracting(CadreEventRecorded::kind)
                .contains(CadreEventKind.RETIREMENT);
    }

    @Test
    void r1_aRetiredCadreTakesNoMoreEvents() {
        lifeEvents.record(cadreId, request("RETIREMENT", LocalDate.now(), null, null, null), TestCadres.ORG_DEPT);

        assertRefused(request("TRANSFER", LocalDate.now(), null, cd02, null), "kind", "R1：干部测试干部1已退休，不能再登记变动");
    }

    @Test
    void hiresAreRecordedByTheImportNotHere() {
        assertRefused(request("HIRE", LocalDate.now(), null, null, null), "kind", "入职在导入新干部时自动登记");
        assertRefused(request("升职", LocalDate.now(), null, null, null), "kind", "事件类型 kind 取值无效：升职");
    }

    @Test
    void effectiveDatesStayWithinReason() {
        assertRefused(request("RETIREMENT", LocalDate.now().plusDays(LifeEvents.MAX_DAYS_AHEAD + 1), null, null, null),
                "effectiveOn", "不能晚于今天30天以上");
        assertRefused(request("RETIREMENT", LocalDate.of(2015, 6, 30), null, null, null), "effectiveOn",
                "不能早于该干部上一次入职或变动的日期（2015-07-01）");
        lifeEvents.record(cadreId, request("RETIREMENT", LocalDate.now().plusDays(LifeEvents.MAX_DAYS_AHEAD), null,
                null, null), TestCadres.ORG_DEPT);
        assertThat(cadres.findById(cadreId).orElseThrow().status()).isEqualTo(CadreStatus.RETIRED);
    }

    @Test
    void onlyTheOrgDepartmentRecordsEvents() {
        Actor unitHr = new Actor("hr-cd01", List.of(Groups.UNIT_HR), cd01, null, null);
        Actor approver = new Actor("approver", List.of(Groups.APPROVER), null, null, null);

        for (Actor actor : List.of(unitHr, approver)) {
            assertThatThrownBy(() -> lifeEvents.record(cadreId, request("RETIREMENT", LocalDate.now(), null, null, null),
                    actor)).isInstanceOf(AccessDeniedException.class).hasMessageStartingWith("无权访问");
        }
        assertThat(cadres.findById(cadreId).orElseThrow().status()).isEqualTo(CadreStatus.ACTIVE);
    }

    private void assertRefused(LifeEventRequest request, String field, String message) {
        assertThatThrownBy(() -> lifeEvents.record(cadreId, request, TestCadres.ORG_DEPT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo(field);
                        assertThat(p.message()).contains(message);
                    });
                });
    }

    private static LifeEventRequest request(String kind, LocalDate effectiveOn, String toRank, Long toUnitId,
            String post) {
        return new LifeEventRequest(kind, effectiveOn, toRank, toUnitId, post, null);
    }

    private long insertClass(String classNumber, LocalDate start, LocalDate end) {
        jdbc.sql("""
                INSERT INTO training_class (class_number, title, institution_id, class_type, topic, start_date, end_date,
                        off_job, planned_participants, dispatch_mode, status, created_at, updated_at)
                VALUES (?, '测试班', (SELECT id FROM institution WHERE code = 'DX01'), 'TRAINING', '测试', ?, ?, TRUE, 30,
                        'QUOTA', 'APPROVED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .params(classNumber, start, end).update();
        return jdbc.sql("SELECT id FROM training_class WHERE class_number = ?").param(classNumber).query(Long.class)
                .single();
    }

    private void enroll(long classId, String status) {
        jdbc.sql("INSERT INTO enrollment (class_id, cadre_id, status, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
                .params(classId, cadreId, status).update();
    }
}
