package cn.ganxun.classdossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.FollowUpFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The derived class stage: one fixture class per stage (and per way of reaching it), checked through the class row,
 * the stage counts and the stage-filtered list, which all use {@link ClassStage#SQL}.
 */
@GanxunTest
@Transactional
@AlsoOnPostgres
class ClassStageTest {

    private static final Actor ORG = new Actor("orgstaff", List.of(Groups.ORG_DEPT), null, null, null);

    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completions;
    @Autowired FollowUpFixtures followUps;
    @Autowired ClassQueries queries;
    @Autowired ClassListService list;
    @Autowired JdbcClient jdbc;

    LocalDate today;
    long unit;
    Map<Long, ClassStage> expected = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        today = EngineClock.today();
        unit = fixtures.unit("阶段测试局");
    }

    /** A class of the fixture unit (one trainee), status as given, running from start to end (days from today). */
    private long klass(String status, int startInDays, int endInDays, boolean withTrainee) {
        long id = fixtures.trainingClass("阶段", today.plusDays(startInDays), today.plusDays(endInDays), true);
        jdbc.sql("UPDATE training_class SET status = ? WHERE id = ?").params(status, id).update();
        if (withTrainee) {
            fixtures.enroll(id, fixtures.cadre(unit, Rank.STAFF), "ENROLLED", null);
        } else {
            // a nomination keeps the class within the unit filter without enrolling anybody
            long cadre = fixtures.cadre(unit, Rank.STAFF);
            jdbc.sql("""
                    INSERT INTO nomination (class_id, cadre_id, unit_id, status, nominated_by, nominated_at)
                    VALUES (?, ?, ?, 'ACTIVE', 'fixture', ?)""").params(id, cadre, unit, Timestamp.valueOf(EngineClock.now()))
                    .update();
        }
        return id;
    }

    private void roster(long classId, String status) {
        jdbc.sql("""
                INSERT INTO class_roster (class_id, seats, enrollment_deadline, status, opened_by, opened_at)
                VALUES (?, 30, ?, ?, 'fixture', ?)""")
                .params(classId, Timestamp.valueOf(EngineClock.now().plusDays(3)), status, Timestamp.valueOf(EngineClock.now()))
                .update();
    }

    private long stage(ClassStage stage, long classId) {
        expected.put(classId, stage);
        return classId;
    }

    private void allStages() {
        stage(ClassStage.FILED, klass("FILED", 40, 45, false));
        stage(ClassStage.FILED, klass("UNDER_REVIEW", 40, 45, false));
        stage(ClassStage.FILED, klass("RETURNED", 40, 45, false));
        stage(ClassStage.REJECTED, klass("REJECTED", 40, 45, false));
        stage(ClassStage.APPROVED, klass("APPROVED", 20, 25, false));
        stage(ClassStage.APPROVED, klass("RECORDED", 20, 25, false));
        roster(stage(ClassStage.ROSTERING, klass("APPROVED", 20, 25, false)), "OPEN");
        roster(stage(ClassStage.ROSTERING, klass("APPROVED", 20, 25, true)), "FINAL");
        roster(stage(ClassStage.RUNNING, klass("APPROVED", -1, 3, true)), "FINAL");
        stage(ClassStage.RUNNING, klass("APPROVED", 0, 0, true));
        stage(ClassStage.ASSESSING, klass("APPROVED", -6, -1, true));
        long scored = stage(ClassStage.ASSESSING, klass("APPROVED", -3, 0, true));
        completions.unconfirmedResult(scored, fixtures.cadre(unit, Rank.STAFF), "GOOD", true);
        followUps.openFollowUp(stage(ClassStage.FOLLOWING_UP, klass("APPROVED", -30, -25, true)), today.minusDays(24),
                today.plusMonths(6));
        long closed = followUps.openFollowUp(stage(ClassStage.CLOSED, klass("APPROVED", -400, -395, true)),
                today.minusDays(394), today.minusDays(100));
        jdbc.sql("UPDATE follow_up SET status = 'CLOSED' WHERE id = ?").param(closed).update();
        stage(ClassStage.CLOSED, klass("CLOSED", -800, -795, true));
    }

    @Test
    void every_stage_is_derived_from_status_roster_dates_results_and_follow_up() {
        allStages();
        expected.forEach((classId, stage) -> assertThat(queries.find(classId, today).orElseThrow().stage())
                .as("stage of class " + fixtures.classNumber(classId)).isEqualTo(stage));
    }

    @Test
    void stage_counts_list_every_stage_with_zeros_and_match_the_fixtures() {
        allStages();
        ClassListService.Request request = new ClassListService.Request(null, null, String.valueOf(unit), null);
        Map<ClassStage, Long> wanted = new EnumMap<>(ClassStage.class);
        for (ClassStage s : ClassStage.values()) {
            wanted.put(s, 0L);
        }
        expected.values().forEach(s -> wanted.merge(s, 1L, Long::sum));
        List<ClassListService.StageCount> counts = list.stages(ORG, request);
        assertThat(counts).extracting(ClassListService.StageCount::stage)
                .containsExactly(java.util.Arrays.stream(ClassStage.values()).map(Enum::name).toArray(String[]::new));
        assertThat(counts).allSatisfy(c -> assertThat(c.count()).as(c.stage()).isEqualTo(wanted.get(ClassStage.valueOf(c.stage()))));
        assertThat(counts.get(0).label()).isEqualTo("申报审批中");
    }

    @Test
    void the_list_filtered_by_stage_holds_exactly_the_classes_of_that_stage() {
        allStages();
        for (ClassStage stage : ClassStage.values()) {
            ClassListService.Page page = list.list(ORG, new ClassListService.Request(null, null, String.valueOf(unit), null),
                    stage.name(), "0", "200", "classNumber");
            List<Long> want = expected.entrySet().stream().filter(e -> e.getValue() == stage).map(Map.Entry::getKey)
                    .sorted().collect(Collectors.toList());
            assertThat(page.items()).extracting(ClassListItem::id).as(stage.name()).containsExactlyInAnyOrderElementsOf(want);
            assertThat(page.total()).isEqualTo(want.size());
            assertThat(page.items()).allSatisfy(i -> assertThat(i.stageLabel()).isEqualTo(stage.label()));
        }
    }

    @Test
    void moving_the_engine_clock_moves_a_class_from_rostering_to_running_to_assessing() {
        long id = klass("APPROVED", 5, 7, true);
        roster(id, "FINAL");
        assertThat(queries.find(id, today).orElseThrow().stage()).isEqualTo(ClassStage.ROSTERING);
        assertThat(queries.find(id, today.plusDays(6)).orElseThrow().stage()).isEqualTo(ClassStage.RUNNING);
        assertThat(queries.find(id, today.plusDays(8)).orElseThrow().stage()).isEqualTo(ClassStage.ASSESSING);
    }

    @Test
    void an_unknown_stage_is_refused_with_the_stage_names() {
        assertThatThrownBy(() -> ClassStage.parse("DONE")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("FOLLOWING_UP（训后跟踪）").hasMessageContaining("DONE");
    }
}
