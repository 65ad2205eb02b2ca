package cn.ganxun.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** The computed result (R18 sums and bonus, R19 weights, R20 grades, ranks and the top-15 % cut with ties, R35). */
@GanxunTest
@AlsoOnPostgres
class AssessmentServiceTest {

    @Autowired AssessmentService assessment;
    @Autowired ScoreService scores;
    @Autowired RepositoryService repositoryService;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void noTimeTravel() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    AssessmentClass classOf(int trainees, int lecturers) {
        AssessmentClass k = new AssessmentClass(fixtures, directory, jdbc, trainees, lecturers);
        scores.prepareScheme(k.classId);
        return k;
    }

    /** Every typed item of the class teacher at its maximum (fraction 1) or at zero (fraction 0). */
    ScoreLine teacher(AssessmentClass k, String number, boolean full) {
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        scores.columns(k.classId, RaterKind.CLASS_TEACHER).forEach(i -> points.put(i.code(), full ? i.maxPoints() : BigDecimal.ZERO));
        return new ScoreLine(number, points);
    }

    void liaisonScores(AssessmentClass k, int... points) {
        List<ScoreLine> lines = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            BigDecimal p = BigDecimal.valueOf(points[i]);
            lines.add(new ScoreLine(k.numbers.get(i), Map.of("POLITICAL_QUALITY", p, "TEAMWORK", p)));
        }
        scores.recordScores(k.classId, RaterKind.LIAISON, k.liaison, lines, k.liaison);
    }

    AssessmentResult of(List<AssessmentResult> results, String number) {
        return results.stream().filter(r -> r.cadreNumber().equals(number)).findFirst().orElseThrow();
    }

    @Test
    void r18_teacherTotalIsTheRegularAspectsUpTo100PlusBonusItemsWithoutUpperBound() {
        AssessmentClass k = new AssessmentClass(fixtures, directory, jdbc, 2, 0);
        List<ScoringItem> items = new ArrayList<>(ScoringScheme.defaultItems());
        items.add(new ScoringItem(ScoringScheme.BONUS, "BONUS_PROJECT", "重点课题", new BigDecimal("50")));
        scores.configureScheme(k.classId, items);
        scores.recordScores(k.classId, RaterKind.CLASS_TEACHER, k.teacher,
                List.of(teacher(k, k.numbers.get(0), true), teacher(k, k.numbers.get(1), false)), k.teacher);

        List<AssessmentResult> results = assessment.compute(k.classId);
        AssessmentResult top = of(results, k.numbers.get(0));
        assertThat(top.attendancePoints()).isEqualByComparingTo("15");
        assertThat(top.teacherTotal()).isEqualByComparingTo("160");
        assertThat(top.result()).isEqualByComparingTo("160");
        assertThat(top.grade()).isEqualTo(Grade.EXCELLENT);
        AssessmentResult low = of(results, k.numbers.get(1));
        assertThat(low.teacherTotal()).isEqualByComparingTo("15");
        assertThat(low.grade()).isEqualTo(Grade.FAIL);
        assertThat(low.lecturerAverage()).isNull();
    }

    @Test
    void r19_resultIsWeightedByRaterWeightsAndAMissingRaterKindIsLeftOut() {
        AssessmentClass k = classOf(3, 2);
        scores.recordScores(k.classId, RaterKind.CLASS_TEACHER, k.teacher, List.of(teacher(k, k.numbers.get(0), true),
                teacher(k, k.numbers.get(1), true), teacher(k, k.numbers.get(2), true)), k.teacher);
        lecturerScores(k, k.lecturers.get(0), 80);
        lecturerScores(k, k.lecturers.get(1), 70);
        liaisonScores(k, 60, 60, 60);
        // peers: everybody rates the others 50; trainee 0 is rated by nobody else's ... all rated
        for (int i = 0; i < 3; i++) {
            Map<String, BigDecimal> ratings = new LinkedHashMap<>();
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    ratings.put(k.numbers.get(j), BigDecimal.valueOf(50));
                }
            }
            scores.recordPeerRatings(k.classId, k.cadres.get(i), ratings, "x");
        }
        assertThat(assessment.weights(k.classId)).containsExactlyInAnyOrderEntriesOf(Map.of(RaterKind.CLASS_TEACHER,
                new BigDecimal("0.4"), RaterKind.LECTURER, new BigDecimal("0.3"), RaterKind.LIAISON, new BigDecimal("0.1"),
                RaterKind.PEER, new BigDecimal("0.2")));
        AssessmentResult r = of(assessment.compute(k.classId), k.numbers.get(0));
        // 0.4 × 110 (100 + bonus 10) + 0.3 × 75 + 0.1 × 60 + 0.2 × 50 = 44 + 22.5 + 6 + 10
        assertThat(r.teacherTotal()).isEqualByComparingTo("110");
        assertThat(r.lecturerAverage()).isEqualByComparingTo("75");
        assertThat(r.result()).isEqualByComparingTo("82.5");
        assertThat(r.grade()).isEqualTo(Grade.GOOD);

        AssessmentClass partial = classOf(1, 0);
        liaisonScores(partial, 64);
        assertThat(of(assessment.compute(partial.classId), partial.numbers.get(0)).result()).isEqualByComparingTo("64");
    }

    private void lecturerScores(AssessmentClass k, String lecturer, int points) {
        List<ScoreLine> lines = new ArrayList<>();
        BigDecimal p = BigDecimal.valueOf(points);
        k.numbers.forEach(n -> lines.add(new ScoreLine(n, Map.of("KNOWLEDGE", p, "APPLICATION", p))));
        scores.recordScores(k.classId, RaterKind.LECTURER, lecturer, lines, lecturer);
    }

    @Test
    void r19_weightsAreReadFromTheDecisionTable() throws Exception {
        AssessmentClass k = classOf(1, 1);
        scores.recordScores(k.classId, RaterKind.CLASS_TEACHER, k.teacher, List.of(teacher(k, k.numbers.get(0), false)), k.teacher);
        lecturerScores(k, k.lecturers.get(0), 90);
        // teacher 15 (attendance only), lecturer 90: 0.4 × 15 + 0.3 × 90 over 0.7
        assertThat(of(assessment.compute(k.classId), k.numbers.get(0)).result()).isEqualByComparingTo("47.14");
        String model;
        try (InputStream in = getClass().getResourceAsStream("/processes/rater-weights.dmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("<text>0.4</text>", "<text>0.1</text>").replace("<text>0.3</text>", "<text>0.9</text>");
        }
        Deployment changed = repositoryService.createDeployment().name("changed weights")
                .addString("rater-weights.dmn", model).deploy();
        try {
            assertThat(assessment.weights(k.classId)).containsEntry(RaterKind.LECTURER, new BigDecimal("0.9"));
            // 0.1 × 15 + 0.9 × 90 over 1.0
            assertThat(of(assessment.compute(k.classId), k.numbers.get(0)).result()).isEqualByComparingTo("82.5");
        } finally {
            repositoryService.deleteDeployment(changed.getId(), true);
        }
    }

    @Test
    void r20_gradesRanksWithTiesAndTheTopFifteenPercentCutIncludesTiesAndExcludesFails() {
        AssessmentClass k = classOf(7, 0);
        List<Long> sessions = k.sessions(5);
        k.mark(sessions.get(0), k.cadres.get(6), "ABSENT", LocalDateTime.now().minusDays(10));
        k.mark(sessions.get(1), k.cadres.get(6), "ABSENT", LocalDateTime.now().minusDays(10));
        liaisonScores(k, 95, 92, 92, 85, 70, 55, 99);

        List<AssessmentResult> results = assessment.compute(k.classId);
        // 7 trainees: ceil(0.15 × 7) = 2 places; the incomplete 99 fails; 92 and 92 tie at the cut → both in
        assertThat(results).extracting(AssessmentResult::cadreNumber, AssessmentResult::rank, AssessmentResult::grade,
                AssessmentResult::completed, AssessmentResult::excellentCandidate)
                .containsExactly(
                        tuple(k.numbers.get(6), 1, Grade.FAIL, false, false),
                        tuple(k.numbers.get(0), 2, Grade.EXCELLENT, true, true),
                        tuple(k.numbers.get(1), 3, Grade.EXCELLENT, true, true),
                        tuple(k.numbers.get(2), 3, Grade.EXCELLENT, true, true),
                        tuple(k.numbers.get(3), 5, Grade.GOOD, true, false),
                        tuple(k.numbers.get(4), 6, Grade.PASS, true, false),
                        tuple(k.numbers.get(5), 7, Grade.FAIL, true, false));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_result WHERE class_id = ? AND excellent_candidate = TRUE")
                .param(k.classId).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void r20_theCutRoundsUpAndTiesAtTheTopShareIt() {
        AssessmentClass k = classOf(4, 0);
        liaisonScores(k, 80, 80, 79, 60);
        // ceil(0.15 × 4) = 1 place, two trainees tie for it
        assertThat(assessment.compute(k.classId)).extracting(AssessmentResult::rank, AssessmentResult::excellentCandidate)
                .containsExactly(tuple(1, true), tuple(1, true), tuple(3, false), tuple(4, false));

        AssessmentClass failing = classOf(2, 0);
        liaisonScores(failing, 50, 40);
        assertThat(assessment.compute(failing.classId)).extracting(AssessmentResult::excellentCandidate)
                .containsOnly(false);
    }

    @Test
    void aCorrectionWithReasonKeepsTheOldPointsAndRecomputes() {
        AssessmentClass k = classOf(2, 0);
        liaisonScores(k, 70, 60);
        assessment.compute(k.classId);
        assertThatThrownBy(() -> assessment.correct(k.classId, new Correction(k.numbers.get(1), RaterKind.LIAISON, null,
                "TEAMWORK", new BigDecimal("90"), " "), "boss"))
                .hasMessageContaining("更正须填写理由");
        assertThatThrownBy(() -> assessment.correct(k.classId, new Correction(k.numbers.get(1), RaterKind.LIAISON, null,
                "TEAMWORK", new BigDecimal("190"), "录入错误"), "boss"))
                .hasMessageContaining("团队协作 新分值 190 超出范围（0–100）");
        assessment.correct(k.classId, new Correction(k.numbers.get(1), RaterKind.LIAISON, k.liaison, "TEAMWORK",
                new BigDecimal("90"), "录入错误"), "boss");
        List<AssessmentResult> results = assessment.results(k.classId);
        assertThat(results.get(0).cadreNumber()).isEqualTo(k.numbers.get(1));
        assertThat(results.get(0).result()).isEqualByComparingTo("75");
        assertThat(jdbc.sql("""
                SELECT c.old_points, c.new_points, c.reason, c.corrected_by FROM score_correction c JOIN score s ON s.id = c.score_id
                 WHERE s.class_id = ?""").param(k.classId).query().listOfRows())
                .singleElement().satisfies(row -> {
                    assertThat((BigDecimal) row.get("old_points")).isEqualByComparingTo("60");
                    assertThat((BigDecimal) row.get("new_points")).isEqualByComparingTo("90");
                    assertThat(row.get("reason")).isEqualTo("录入错误");
                    assertThat(row.get("corrected_by")).isEqualTo("boss");
                });
    }
}
