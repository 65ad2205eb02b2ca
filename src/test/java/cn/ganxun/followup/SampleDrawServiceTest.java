package cn.ganxun.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.FollowUpFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** R27: the random sample for unit visits — size, one per unit, reproducible from the stored seed, redraw and confirm. */
@GanxunTest
@AlsoOnPostgres
@Transactional
class SampleDrawServiceTest {

    @Autowired SampleDrawService samples;
    @Autowired TrainingFixtures fixtures;
    @Autowired FollowUpFixtures followUps;
    @Autowired JdbcClient jdbc;

    /** A class that ended a month ago with {@code perUnit[i]} enrolled trainees in unit i; returns its follow-up. */
    private long followUpOf(int... perUnit) {
        LocalDate end = EngineClock.today().minusMonths(1);
        long classId = fixtures.trainingClass("跟踪问效抽样", end.minusDays(4), end, true);
        for (int u = 0; u < perUnit.length; u++) {
            long unit = fixtures.unit("抽样测试单位" + u);
            for (int i = 0; i < perUnit[u]; i++) {
                fixtures.enroll(classId, fixtures.cadre(unit, Rank.STAFF), i % 2 == 0 ? "COMPLETED" : "INCOMPLETE", 30.0);
            }
        }
        return followUps.openFollowUp(classId, end, end.plusMonths(10));
    }

    @Test
    void r27_atLeastOnePerUnit() {
        long followUp = followUpOf(4, 3, 2, 1);           // 10 trainees, 4 units: ceil(0.3 x 10) = 3 < 4 units
        SampleDraw draw = samples.draw(followUp, "followlead");

        assertThat(draw.populationSize()).isEqualTo(10);
        assertThat(draw.sample()).hasSize(4);
        assertThat(draw.sample().stream().map(SampledTrainee::unitId).distinct()).hasSize(4);
        assertThat(draw.share()).isEqualByComparingTo("0.3");
        // the same rule with a smaller share: still one per unit
        List<Long> units = List.of(1L, 1L, 1L, 1L, 2L, 2L, 2L, 3L, 3L, 4L);
        assertThat(SampleDrawService.sampleSize(new BigDecimal("0.1"), units)).isEqualTo(4);
        for (long seed = 0; seed < 50; seed++) {
            assertThat(SampleDrawService.select(units, seed, 4).stream().map(units::get).distinct()).hasSize(4);
        }
    }

    @Test
    void r27_shareOfPopulation() {
        long followUp = followUpOf(12, 8);                // 20 trainees, 2 units: ceil(0.3 x 20) = 6
        SampleDraw draw = samples.draw(followUp, "followlead");

        assertThat(draw.sample()).hasSize(6);
        assertThat(draw.sample().stream().map(SampledTrainee::cadreId).distinct()).hasSize(6);
        assertThat(draw.sample().stream().map(SampledTrainee::unitId).distinct()).hasSize(2);
        assertThat(SampleDrawService.sampleSize(new BigDecimal("0.25"), List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L))).isEqualTo(2);
        assertThat(SampleDrawService.sampleSize(BigDecimal.ONE, List.of(1L, 2L, 2L))).isEqualTo(3);
    }

    @Test
    void r27_withdrawnTraineesAreNotInThePopulation() {
        long followUp = followUpOf(3);
        long classId = jdbc.sql("SELECT class_id FROM follow_up WHERE id = ?").param(followUp).query(Long.class).single();
        long unit = jdbc.sql("SELECT MIN(c.unit_id) FROM enrollment e JOIN cadre c ON c.id = e.cadre_id WHERE e.class_id = ?")
                .param(classId).query(Long.class).single();
        fixtures.enroll(classId, fixtures.cadre(unit, Rank.STAFF), "WITHDRAWN", null);

        assertThat(samples.draw(followUp, "followlead").populationSize()).isEqualTo(3);
    }

    @Test
    void r27_drawIsReproducibleFromSeedAndPopulation() {
        long followUp = followUpOf(5, 4, 3);
        SampleDraw draw = samples.draw(followUp, "followlead");

        Map<String, Object> stored = jdbc.sql("SELECT seed, sample_share, drawn_by FROM sample_draw WHERE id = ?")
                .param(draw.id()).query().singleRow();
        assertThat(((Number) stored.get("seed")).longValue()).isEqualTo(draw.seed());
        assertThat(stored.get("drawn_by")).isEqualTo("followlead");
        // the population as stored, in the order the seed shuffled it (cadre number order)
        List<Map<String, Object>> members = jdbc.sql("""
                SELECT m.population_pos, m.unit_id, m.sample_pos, m.cadre_id, c.cadre_number
                  FROM sample_draw_member m JOIN cadre c ON c.id = m.cadre_id WHERE m.draw_id = ? ORDER BY m.population_pos""")
                .param(draw.id()).query().listOfRows();
        assertThat(members).hasSize(12);
        List<String> numbers = members.stream().map(m -> (String) m.get("cadre_number")).toList();
        assertThat(numbers).isSorted();
        // re-run the documented algorithm by hand and compare with the stored result
        List<Long> units = members.stream().map(m -> ((Number) m.get("unit_id")).longValue()).toList();
        List<Integer> again = SampleDrawService.select(units, draw.seed(), SampleDrawService.sampleSize(draw.share(), units));
        List<Long> expected = new ArrayList<>();
        again.forEach(index -> expected.add(((Number) members.get(index).get("cadre_id")).longValue()));
        assertThat(draw.sample()).extracting(SampledTrainee::cadreId).containsExactlyElementsOf(expected);
        for (int k = 0; k < again.size(); k++) {
            assertThat(((Number) members.get(again.get(k)).get("sample_pos")).intValue()).isEqualTo(k + 1);
        }
        assertThat(members.stream().filter(m -> m.get("sample_pos") == null)).hasSize(12 - again.size());
        assertThat(samples.reproduces(draw.id())).isTrue();

        jdbc.sql("UPDATE sample_draw SET seed = seed + 1 WHERE id = ?").param(draw.id()).update();
        assertThat(samples.reproduces(draw.id())).isFalse();
    }

    @Test
    void r27_redrawNeedsAReason() {
        long followUp = followUpOf(3, 3);
        samples.draw(followUp, "followlead");

        assertThatThrownBy(() -> samples.redraw(followUp, "  ", "followlead"))
                .isInstanceOf(InvalidInputException.class).hasMessage("重新抽样须说明理由（R27）");
        assertThatThrownBy(() -> samples.redraw(followUp, null, "followlead"))
                .isInstanceOf(InvalidInputException.class).hasMessage("重新抽样须说明理由（R27）");
        assertThat(samples.history(followUp)).hasSize(1);
    }

    @Test
    void r27_aSecondFirstDrawIsRefused() {
        long followUp = followUpOf(2);
        samples.draw(followUp, "followlead");
        assertThatThrownBy(() -> samples.draw(followUp, "followlead"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已抽样");
        assertThatThrownBy(() -> samples.redraw(followUpOf(2), "换人", "followlead"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("尚未抽样");
    }

    @Test
    void r27_redrawKeepsTheEarlierDrawAndMovesCurrent() {
        long followUp = followUpOf(6, 5, 4);
        SampleDraw first = samples.draw(followUp, "followlead");
        SampleDraw second = samples.redraw(followUp, "抽中学员长期病休", "followlead");

        assertThat(second.drawNo()).isEqualTo(2);
        assertThat(second.reason()).isEqualTo("抽中学员长期病休");
        assertThat(second.seed()).isNotEqualTo(first.seed());
        assertThat(samples.current(followUp).id()).isEqualTo(second.id());
        assertThat(samples.history(followUp)).extracting(SampleDraw::id, SampleDraw::drawNo, SampleDraw::reason)
                .containsExactly(tuple(first.id(), 1, null),
                        tuple(second.id(), 2, "抽中学员长期病休"));
        assertThat(samples.history(followUp).get(0).sample()).isEqualTo(first.sample());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sample_draw WHERE follow_up_id = ? AND current_draw = TRUE")
                .param(followUp).query(Integer.class).single()).isEqualTo(1);
        assertThat(samples.reproduces(first.id())).isTrue();
        assertThat(samples.reproduces(second.id())).isTrue();
    }

    @Test
    void r27_redrawIsRefusedAfterConfirmation() {
        long followUp = followUpOf(3, 3);
        samples.draw(followUp, "followlead");
        samples.confirm(followUp, "followlead");

        assertThatThrownBy(() -> samples.redraw(followUp, "单位调整", "followlead"))
                .isInstanceOf(InvalidInputException.class).hasMessage("抽样结果已确认并已安排走访，不能重新抽样（R27）");
        assertThat(samples.history(followUp)).hasSize(1);
    }

    @Test
    void r27_confirmCreatesOneDueVisitPerSampledTraineeIdempotently() {
        long followUp = followUpOf(4, 3, 2, 1);
        samples.draw(followUp, "followlead");
        SampleDraw current = samples.redraw(followUp, "重新抽样核对", "followlead");

        List<Long> visits = samples.confirm(followUp, "followlead");
        assertThat(visits).hasSize(current.sample().size()).doesNotHaveDuplicates();
        assertThat(samples.confirm(followUp, "followlead")).isEqualTo(visits);
        assertThat(samples.current(followUp).confirmed()).isTrue();

        LocalDate due = jdbc.sql("SELECT visits_due_on FROM follow_up WHERE id = ?").param(followUp).query(LocalDate.class).single();
        List<Map<String, Object>> rows = jdbc.sql("SELECT id, cadre_id, draw_id, status, due_on FROM unit_visit WHERE follow_up_id = ?")
                .param(followUp).query().listOfRows();
        assertThat(rows).hasSize(visits.size());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("DUE");
            assertThat(((Number) row.get("draw_id")).longValue()).isEqualTo(current.id());
            assertThat(row.get("due_on").toString()).isEqualTo(due.toString());
        });
        List<Long> cadresInVisitOrder = new ArrayList<>();
        for (long visit : visits) {
            cadresInVisitOrder.add(rows.stream().filter(r -> ((Number) r.get("id")).longValue() == visit)
                    .map(r -> ((Number) r.get("cadre_id")).longValue()).findFirst().orElseThrow());
        }
        assertThat(cadresInVisitOrder).containsExactlyElementsOf(current.sample().stream().map(SampledTrainee::cadreId).toList());
        assertThat(new HashSet<>(cadresInVisitOrder)).hasSize(visits.size());
    }

    @Test
    void aClosedOrUnknownFollowUpIsRefused() {
        long followUp = followUpOf(2);
        jdbc.sql("UPDATE follow_up SET status = 'CLOSED' WHERE id = ?").param(followUp).update();
        assertThatThrownBy(() -> samples.draw(followUp, "followlead"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已结束");
        assertThatThrownBy(() -> samples.draw(-1, "followlead"))
                .isInstanceOf(NotFoundException.class).hasMessage("跟踪问效不存在：-1");
    }

    @Test
    void r27_theShareIsValidatedAtStartup() {
        assertThatThrownBy(() -> new FollowUpProperties(BigDecimal.ZERO, 1024, Period.ofMonths(2), Period.ofDays(14), Period.ofMonths(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowUpProperties(new BigDecimal("1.01"), 1024, Period.ofMonths(2), Period.ofDays(14), Period.ofMonths(10))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FollowUpProperties(BigDecimal.ONE, 1024, Period.ofMonths(2), Period.ofDays(14), Period.ofMonths(10)).sampleShare()).isEqualByComparingTo("1");
    }
}
