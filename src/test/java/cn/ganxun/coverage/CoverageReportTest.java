package cn.ganxun.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.coverage.CoverageQuery.GroupBy;
import cn.ganxun.coverage.CoverageViews.CoveragePage;
import cn.ganxun.coverage.CoverageViews.CoverageRow;
import cn.ganxun.coverage.CoverageViews.CoverageSummary;
import cn.ganxun.coverage.CoverageViews.SummaryRow;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The coverage lists, summaries, exports and watch snapshots (R4–R7) on hand-built histories: the R5/R6 boundaries
 * through every path (one cadre, the list, the snapshot), the R7 rates, the order and paging done by the database, who
 * sees which units, and the whole demo city agreeing cadre by cadre between the snapshot and the per-cadre lights.
 */
@GanxunTest
@AlsoOnPostgres
@Transactional
class CoverageReportTest {

    private static final LocalDate AS_OF = LocalDate.of(2027, 6, 30);

    @Autowired CoverageReport report;
    @Autowired CoverageService coverage;
    @Autowired CoverageWatchService watch;
    @Autowired TrainingFixtures fixtures;
    @Autowired JdbcClient jdbc;

    Actor org = new Actor("rep-org", List.of(Groups.ORG_DEPT), null, null, null);
    long unitId;

    @BeforeEach
    void unit() {
        unitId = fixtures.unit("覆盖统计单位");
    }

    @Test
    void r6_exactlyTheRequiredHoursOfEachRankIsGreenAndHalfAnHourLessIsYellow() {
        Map<Long, Rank> rankOf = new HashMap<>();
        Map<Long, Light> expected = new HashMap<>();
        for (Rank rank : Rank.values()) {
            int required = rank.countyLevelOrAbove() ? 550 : 500;
            long done = fixtures.cadre(unitId, rank);
            long shortOfIt = fixtures.cadre(unitId, rank);
            attend(done, partyClassEnding(AS_OF.minusYears(1), required), required);
            attend(shortOfIt, partyClassEnding(AS_OF.minusYears(2), required), required - 0.5);
            rankOf.put(done, rank);
            rankOf.put(shortOfIt, rank);
            expected.put(done, Light.GREEN);
            expected.put(shortOfIt, Light.YELLOW);
        }

        assertThat(lightsOfEveryPath()).hasSize(3).allSatisfy(lights -> assertThat(lights).isEqualTo(expected));
        for (CoverageRow row : page("0", "200", "cadreNumber").items()) {
            assertThat(row.requiredHours()).as(row.rank().name())
                    .isEqualTo(row.rank().countyLevelOrAbove() ? 550 : 500);
            assertThat(row.shortfall()).isEqualByComparingTo(expected.get(row.cadreId()) == Light.GREEN ? "0" : "0.5");
            assertThat(row.rank()).isEqualTo(rankOf.get(row.cadreId()));
        }
    }

    @Test
    void r4_r5_partyTrainingThatEndedFiveYearsAndOneDayAgoNoLongerCounts() {
        long outside = fixtures.cadre(unitId, Rank.STAFF);
        attend(outside, partyClassEnding(AS_OF.minusYears(5).minusDays(1), 600), 600);
        long exactlyFive = fixtures.cadre(unitId, Rank.STAFF);
        attend(exactlyFive, partyClassEnding(AS_OF.minusYears(5), 600), 600);
        long inside = fixtures.cadre(unitId, Rank.STAFF);
        attend(inside, partyClassEnding(AS_OF.minusYears(5).plusDays(1), 600), 600);

        Map<Long, Light> expected = Map.of(outside, Light.RED, exactlyFive, Light.RED, inside, Light.GREEN);
        assertThat(lightsOfEveryPath()).allSatisfy(lights -> assertThat(lights).isEqualTo(expected));
        assertThat(coverage.lightFor(outside, AS_OF).reason()).contains("未参加党的创新理论教育和党性教育", "（R5）");
        assertThat(coverage.lightFor(inside, AS_OF.plusDays(1)).light()).as("a day later it is outside too")
                .isEqualTo(Light.RED);
    }

    @Test
    void r7_participationAndPassRatesCountTheActiveCadresFinishedEnrollments() {
        long passed = fixtures.cadre(unitId, Rank.COUNTY_DEPUTY);
        long failed = fixtures.cadre(unitId, Rank.STAFF);
        long incomplete = fixtures.cadre(unitId, Rank.STAFF);
        long onlyEnrolled = fixtures.cadre(unitId, Rank.STAFF);
        long never = fixtures.cadre(unitId, Rank.STAFF);
        long retired = fixtures.retiredCadre(unitId);
        long k = partyClassEnding(AS_OF.minusYears(1), 40);
        long later = partyClassEnding(AS_OF.plusMonths(1), 40);
        long old = partyClassEnding(AS_OF.minusYears(6), 40);
        attend(passed, k, 40);
        grade(k, passed, "GOOD");
        attend(failed, k, 40);
        grade(k, failed, "FAIL");
        fixtures.enroll(k, incomplete, "INCOMPLETE", 20.0);
        fixtures.enroll(later, onlyEnrolled, "ENROLLED", null);
        fixtures.enroll(old, never, "COMPLETED", 40.0);
        attend(retired, k, 40);
        jdbc.sql("UPDATE cadre SET category = 'YOUNG_CADRE' WHERE id = ?").param(passed).update();

        CoverageSummary byUnit = report.summary(query(null), GroupBy.UNIT, org);
        assertThat(byUnit.groups()).singleElement().satisfies(row -> {
            assertThat(row.label()).isEqualTo("覆盖统计单位");
            assertThat(row).extracting(SummaryRow::activeCadres, SummaryRow::red, SummaryRow::yellow, SummaryRow::green,
                    SummaryRow::participants, SummaryRow::passed).containsExactly(5L, 3L, 2L, 0L, 3L, 1L);
            assertThat(row.participationRate()).isEqualByComparingTo("0.6");
            assertThat(row.passRate()).isEqualByComparingTo("0.3333");
        });
        assertThat(byUnit.total()).isEqualTo(new SummaryRow(null, "合计", 5, 3, 2, 0, 3, new BigDecimal("0.6000"), 1,
                new BigDecimal("0.3333")));
        assertThat(report.total(query(null), org)).as("the total alone").isEqualTo(byUnit.total());

        assertThat(report.summary(query(null), GroupBy.RANK, org).groups())
                .extracting(SummaryRow::key, SummaryRow::label, SummaryRow::activeCadres, SummaryRow::participants,
                        SummaryRow::passed)
                .containsExactly(tuple("COUNTY_DEPUTY", "县处级副职", 1L, 1L, 1L), tuple("STAFF", "科员及以下", 4L, 2L, 0L));
        assertThat(report.summary(query(null), GroupBy.CATEGORY, org).groups())
                .extracting(SummaryRow::key, SummaryRow::label, SummaryRow::activeCadres, SummaryRow::passRate)
                .containsExactly(tuple("CIVIL_SERVANT", "公务员", 4L, new BigDecimal("0.0000")),
                        tuple("YOUNG_CADRE", "年轻干部", 1L, new BigDecimal("1.0000")));
    }

    @Test
    void r5_r6_theListIsFilteredSortedAndPagedByTheDatabase() {
        long h100 = fixtures.cadre(unitId, Rank.STAFF);
        long h300 = fixtures.cadre(unitId, Rank.COUNTY_PRINCIPAL);
        long h450 = fixtures.cadre(unitId, Rank.STAFF);
        long untrained = fixtures.cadre(unitId, Rank.STAFF);
        attend(h100, partyClassEnding(AS_OF.minusYears(1), 100), 100);
        attend(h300, partyClassEnding(AS_OF.minusYears(1), 300), 300);
        attend(h450, partyClassEnding(AS_OF.minusYears(1), 450), 450);

        CoveragePage yellowByShortfall = report.page(CoverageQuery.of(AS_OF.toString(), String.valueOf(unitId), "true",
                null, null, "黄灯", "0", "2", "shortfall,desc"), org);
        assertThat(yellowByShortfall.total()).isEqualTo(3);
        assertThat(yellowByShortfall.items()).extracting(CoverageRow::cadreId, CoverageRow::shortfall)
                .containsExactly(tuple(h100, new BigDecimal("400.0")), tuple(h300, new BigDecimal("250.0")));
        assertThat(report.page(CoverageQuery.of(AS_OF.toString(), String.valueOf(unitId), "true", null, null, "YELLOW",
                "1", "2", "shortfall,desc"), org).items()).extracting(CoverageRow::cadreId).containsExactly(h450);

        CoveragePage byLight = page("0", "10", "light");
        assertThat(byLight.items()).extracting(CoverageRow::cadreId, CoverageRow::light).as("red first, then most missing")
                .containsExactly(tuple(untrained, Light.RED), tuple(h100, Light.YELLOW), tuple(h300, Light.YELLOW),
                        tuple(h450, Light.YELLOW));
        assertThat(byLight.items().get(2).reason()).isEqualTo("近5年累计300学时，应达550学时，尚差250学时（R6）");
        assertThat(report.page(CoverageQuery.of(AS_OF.toString(), String.valueOf(unitId), "true", "县处级正职", null, null,
                "0", "10", "light"), org).items()).extracting(CoverageRow::cadreId).containsExactly(h300);

        assertThatThrownBy(() -> CoverageQuery.of("2027-13-01", "x", "maybe", "省级", null, "BLUE", "-1", "500", "age"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field)
                        .containsExactly("asOf", "unitId", "subUnits", "rank", "light", "page", "size", "sort"));
    }

    @Test
    void r7_unitHrSeeTheirOwnUnitTreeOnlyAndOtherRolesNothing() {
        long town = fixtures.unit("覆盖统计下级单位");
        jdbc.sql("UPDATE unit SET parent_id = ? WHERE id = ?").params(unitId, town).update();
        long own = fixtures.cadre(unitId, Rank.STAFF);
        long below = fixtures.cadre(town, Rank.STAFF);
        long elsewhere = fixtures.cadre(fixtures.unit("覆盖统计其他单位"), Rank.STAFF);
        Actor hr = new Actor("rep-hr", List.of(Groups.UNIT_HR), unitId, null, null);
        Actor townHr = new Actor("rep-town-hr", List.of(Groups.UNIT_HR), town, null, null);

        assertThat(report.page(CoverageQuery.of(AS_OF.toString(), null, "true", null, null, null, "0", "200", "cadreNumber"),
                hr).items()).extracting(CoverageRow::cadreId).containsExactlyInAnyOrder(own, below);
        assertThat(report.cadre(below, AS_OF, hr).light()).isEqualTo(Light.RED);
        assertThatThrownBy(() -> report.page(query(null), townHr)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("无权访问：不能查看其他单位干部的应训情况");
        assertThatThrownBy(() -> report.cadre(elsewhere, AS_OF, hr)).isInstanceOf(AccessDeniedException.class);
        Actor institution = new Actor("rep-inst", List.of(Groups.INSTITUTION), null, null, null);
        assertThatThrownBy(() -> report.summary(query(null), GroupBy.UNIT, institution))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> report.total(query(null), institution)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> report.total(query(null), townHr)).isInstanceOf(AccessDeniedException.class);
        CoverageQuery ownTree = CoverageQuery.of(AS_OF.toString(), null, "true", null, null, null, "0", "1", "light");
        assertThat(report.total(ownTree, hr).activeCadres()).isEqualTo(2);
        assertThat(report.total(ownTree, hr)).isEqualTo(report.summary(ownTree, GroupBy.UNIT, hr).total());
        Actor self = new Actor("rep-self", List.of(Groups.TRAINEE), null, null, own);
        assertThat(report.cadre(own, AS_OF, self).cadreId()).isEqualTo(own);
        assertThatThrownBy(() -> report.cadre(below, AS_OF, self)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void r7_exportsAreUtf8WithAByteOrderMarkForExcel() throws Exception {
        long cadre = fixtures.cadre(unitId, Rank.STAFF);
        attend(cadre, partyClassEnding(AS_OF.minusYears(1), 120), 120);
        fixtures.cadre(unitId, Rank.STAFF);
        jdbc.sql("UPDATE unit SET name = '覆盖统计单位,含逗号' WHERE id = ?").param(unitId).update();

        ByteArrayOutputStream list = new ByteArrayOutputStream();
        report.exportList(query(null), org, () -> list);
        byte[] bytes = list.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(String.join(",", CoverageReport.LIST_HEADER));
        assertThat(lines[1]).contains(",红灯,0,0,500,500,");
        assertThat(lines[2]).contains("\"覆盖统计单位,含逗号\"", ",科员及以下,公务员,黄灯,120,120,500,380,近5年累计120学时");

        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        report.exportSummary(query(null), GroupBy.UNIT, org, () -> summary);
        String[] rows = new String(summary.toByteArray(), StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(rows).containsExactly(String.join(",", CoverageReport.SUMMARY_HEADER),
                "单位," + code() + ",\"覆盖统计单位,含逗号\",2,1,1,0,1,50%,1,100%",
                "合计,,合计,2,1,1,0,1,50%,1,100%");
    }

    @Test
    void r5_r6_theSnapshotOfTheWholeCityEqualsEveryCadresOwnLight() {
        LocalDate today = LocalDate.now();
        CoverageWatchService.Run run = watch.compute(today, null, "rep-org", null);

        Map<Long, CoverageLight> snapshot = new HashMap<>();
        jdbc.sql("SELECT cadre_id, light, party_hours, total_hours, required_hours FROM coverage_snapshot WHERE run_id = ?")
                .param(run.id())
                .query((rs, n) -> new CoverageLight(rs.getLong("cadre_id"), Light.valueOf(rs.getString("light")),
                        rs.getBigDecimal("party_hours"), rs.getBigDecimal("total_hours"), rs.getInt("required_hours"), null))
                .list().forEach(light -> snapshot.put(light.cadreId(), light));
        List<Long> active = jdbc.sql("SELECT id FROM cadre WHERE status = 'ACTIVE'").query(Long.class).list();
        assertThat(active).hasSizeGreaterThan(500);
        assertThat(snapshot.keySet()).containsExactlyInAnyOrderElementsOf(active);
        coverage.lightsFor(active, today).forEach((id, light) -> {
            CoverageLight stored = snapshot.get(id);
            assertThat(stored.light()).as("cadre " + id).isEqualTo(light.light());
            assertThat(stored.totalHours()).as("cadre " + id).isEqualByComparingTo(light.totalHours());
            assertThat(stored.partyHours()).as("cadre " + id).isEqualByComparingTo(light.partyHours());
            assertThat(stored.requiredHours()).as("cadre " + id).isEqualTo(light.requiredHours());
        });
        CoverageQuery city = CoverageQuery.of(today.toString(), null, "true", null, null, null, "0", "1", "light");
        SummaryRow total = report.summary(city, GroupBy.UNIT, org).total();
        assertThat(report.total(city, org)).as("the total alone, as the home page counts it").isEqualTo(total);
        assertThat(List.of(total.activeCadres(), total.red(), total.yellow(), total.green()))
                .containsExactly((long) run.cadres(), (long) run.red(), (long) run.yellow(), (long) run.green());
        assertThat(run.red()).isPositive();
        assertThat(run.yellow()).isPositive();
        assertThat(run.green()).isPositive();
        assertThat(watch.compute(today, null, "rep-org", null).id()).as("without a process instance each call is a run")
                .isNotEqualTo(run.id());
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The lights of the unit's cadres at {@link #AS_OF} by the per-cadre service, the list and a watch snapshot. */
    private List<Map<Long, Light>> lightsOfEveryPath() {
        List<Long> ids = jdbc.sql("SELECT id FROM cadre WHERE unit_id = ? AND status = 'ACTIVE'").param(unitId)
                .query(Long.class).list();
        Map<Long, Light> single = new HashMap<>();
        coverage.lightsFor(ids, AS_OF).forEach((id, light) -> single.put(id, light.light()));
        Map<Long, Light> listed = new HashMap<>();
        page("0", "200", "light").items().forEach(row -> listed.put(row.cadreId(), row.light()));
        long runId = watch.compute(AS_OF, unitId, "rep-org", null).id();
        Map<Long, Light> snapshot = new HashMap<>();
        jdbc.sql("SELECT cadre_id, light FROM coverage_snapshot WHERE run_id = ?").param(runId)
                .query((rs, n) -> Map.entry(rs.getLong("cadre_id"), Light.valueOf(rs.getString("light")))).list()
                .forEach(e -> snapshot.put(e.getKey(), e.getValue()));
        return List.of(single, listed, snapshot);
    }

    private CoveragePage page(String page, String size, String sort) {
        return report.page(CoverageQuery.of(AS_OF.toString(), String.valueOf(unitId), "true", null, null, null, page, size,
                sort), org);
    }

    private CoverageQuery query(String light) {
        return CoverageQuery.of(AS_OF.toString(), String.valueOf(unitId), "true", null, null, light, "0", "20", "light");
    }

    private long partyClassEnding(LocalDate end, double partyHours) {
        long classId = fixtures.trainingClass("党性教育", end.minusDays(4), end, true);
        fixtures.course(classId, "PARTY_THEORY", partyHours);
        return classId;
    }

    private void attend(long cadreId, long classId, double hours) {
        fixtures.enroll(classId, cadreId, "COMPLETED", hours);
    }

    private void grade(long classId, long cadreId, String grade) {
        jdbc.sql("UPDATE enrollment SET grade = ? WHERE class_id = ? AND cadre_id = ?").params(grade, classId, cadreId)
                .update();
    }

    private String code() {
        return jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unitId).query(String.class).single();
    }
}
