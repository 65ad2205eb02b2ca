package cn.ganxun.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** Recording scores (R18, R19, R25): every bad input is named and nothing is half-written; attendance feeds its aspect. */
@GanxunTest
@AlsoOnPostgres
class ScoreServiceTest {

    @Autowired ScoreService scores;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    AssessmentClass k;

    @BeforeEach
    void setUp() {
        k = new AssessmentClass(fixtures, directory, jdbc, 4, 1);
        assertThat(scores.prepareScheme(k.classId)).isTrue();
    }

    /** A teacher line with the same points for every typed item (bonus items too). */
    static String teacherLine(String number, int columns, String points) {
        return number + "，" + String.join("，", Collections.nCopies(columns, points));
    }

    long scoreCount() {
        return jdbc.sql("SELECT COUNT(*) FROM score WHERE class_id = ?").param(k.classId).query(Long.class).single();
    }

    @Test
    void r18_classTeacherScoresEveryTraineeOnTheTypedItemsOfTheScheme() {
        List<ScoringItem> columns = scores.columns(k.classId, RaterKind.CLASS_TEACHER);
        assertThat(columns).hasSize(11).extracting(ScoringItem::code).doesNotContain(ScoringScheme.ATTENDANCE);
        List<String> lines = new ArrayList<>();
        k.numbers.forEach(n -> lines.add(teacherLine(n, 11, "5")));
        scores.recordScoreSheet(k.classId, RaterKind.CLASS_TEACHER, k.teacher, String.join("\n", lines), k.teacher, "teacherScores");
        assertThat(scoreCount()).isEqualTo(4 * 11);
        assertThat(scores.scoreSheetInfo(k.classId, RaterKind.CLASS_TEACHER, null)).contains("纪律", k.numbers.get(0),
                "出勤（15 分）由考勤自动计算");
    }

    @Test
    void badTeacherInputIsNamedLineByLineAndNothingIsWritten() {
        String text = String.join("\n",
                "C-NOBODY，5，5，5，5，5，5，5，5，5，5，5",
                teacherLine(k.numbers.get(0), 11, "5").replaceFirst("，5", "，12"),
                teacherLine(k.numbers.get(1), 11, "5"),
                teacherLine(k.numbers.get(1), 11, "5"),
                k.numbers.get(2) + "，5，5");
        assertThatThrownBy(() -> scores.recordScoreSheet(k.classId, RaterKind.CLASS_TEACHER, k.teacher, text, k.teacher,
                "teacherScores"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第 1 行：干部 C-NOBODY 不在本班学员名单中")
                .hasMessageContaining("第 2 行：" + k.numbers.get(0) + " 纪律 12 分超出范围（0–10）")
                .hasMessageContaining("第 4 行：重复评分：" + k.numbers.get(1))
                .hasMessageContaining("第 5 行：应为干部编号加 11 个分值，实际 2 个");
        assertThat(scoreCount()).isZero();
    }

    @Test
    void aTraineeLeftOutOrScoredTwiceByTheClassTeacherIsRefused() {
        List<String> lines = new ArrayList<>();
        k.numbers.subList(0, 3).forEach(n -> lines.add(teacherLine(n, 11, "5")));
        assertThatThrownBy(() -> scores.recordScoreSheet(k.classId, RaterKind.CLASS_TEACHER, k.teacher,
                String.join("\n", lines), k.teacher, "teacherScores"))
                .hasMessageContaining("缺少学员 " + k.numbers.get(3));
        lines.add(teacherLine(k.numbers.get(3), 11, "5"));
        scores.recordScoreSheet(k.classId, RaterKind.CLASS_TEACHER, k.teacher, String.join("\n", lines), k.teacher, "teacherScores");
        assertThatThrownBy(() -> scores.recordScoreSheet(k.classId, RaterKind.CLASS_TEACHER, "another-teacher",
                lines.get(0), "another-teacher", "teacherScores"))
                .hasMessageContaining("重复评分：班主任已为 " + k.numbers.get(0));
    }

    @Test
    void r19_lecturerAndLiaisonScoreZeroToHundredOnTheirItems() {
        List<ScoreLine> lines = new ArrayList<>();
        k.numbers.forEach(n -> lines.add(new ScoreLine(n, Map.of("KNOWLEDGE", new BigDecimal("88"), "APPLICATION",
                new BigDecimal("90.5")))));
        scores.recordScores(k.classId, RaterKind.LECTURER, k.lecturers.get(0), lines, k.lecturers.get(0));
        List<ScoreLine> bad = new ArrayList<>();
        k.numbers.forEach(n -> bad.add(new ScoreLine(n, Map.of("POLITICAL_QUALITY", new BigDecimal("101"), "TEAMWORK",
                new BigDecimal("-1")))));
        assertThatThrownBy(() -> scores.recordScores(k.classId, RaterKind.LIAISON, k.liaison, bad, k.liaison))
                .hasMessageContaining("政治素质 101 分超出范围（0–100）")
                .hasMessageContaining("团队协作 -1 分超出范围（0–100）");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM score WHERE class_id = ? AND rater_kind = 'LIAISON'").param(k.classId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void peerRatingsRefuseOneselfDuplicatesAndStrangersAndWriteNothing() {
        long rater = k.cadres.get(0);
        String text = String.join("\n", k.numbers.get(0) + "，90", k.numbers.get(1) + "，85", k.numbers.get(1) + "，80",
                "C-NOBODY，70", k.numbers.get(2) + "，101");
        assertThatThrownBy(() -> scores.recordPeerRatingSheet(k.classId, rater, text, "x", "peerRatings"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第 1 行：不能给自己评分")
                .hasMessageContaining("第 3 行：重复评分：已为 " + k.numbers.get(1))
                .hasMessageContaining("第 4 行：干部 C-NOBODY 不在本班学员名单中")
                .hasMessageContaining("第 5 行：" + k.numbers.get(2) + " 评分 101 超出范围（0–100）")
                .hasMessageContaining("缺少对同学 " + k.numbers.get(3));
        assertThat(scoreCount()).isZero();

        String good = String.join("\n", k.numbers.get(1) + "，85", k.numbers.get(2) + "，80", k.numbers.get(3) + " 75");
        scores.recordPeerRatingSheet(k.classId, rater, good, "x", "peerRatings");
        assertThat(scoreCount()).isEqualTo(3);
        assertThatThrownBy(() -> scores.recordPeerRatingSheet(k.classId, rater, good, "x", "peerRatings"))
                .hasMessageContaining("重复评分");
        assertThatThrownBy(() -> scores.recordPeerRatings(k.classId, fixtures.cadre(fixtures.unit("外单位"),
                cn.ganxun.cadres.Rank.STAFF), Map.of(k.numbers.get(1), BigDecimal.TEN), "x"))
                .hasMessageContaining("不在本班学员名单中");
    }

    @Test
    void r25_selfEvaluationNeedsEveryPartOnce() {
        assertThatThrownBy(() -> scores.writeSelfEvaluation(k.classId, k.cadres.get(0), new SelfEvaluation("学到了", " ", null), "x"))
                .hasMessageContaining("R25：请填写自我评价的“启发收获”")
                .hasMessageContaining("“新思路新举措”");
        scores.writeSelfEvaluation(k.classId, k.cadres.get(0), new SelfEvaluation("知识", "启发", "新思路"), "teacher");
        assertThat(scores.selfEvaluation(k.classId, k.cadres.get(0)).inspiration()).isEqualTo("启发");
        assertThatThrownBy(() -> scores.writeSelfEvaluation(k.classId, k.cadres.get(0), new SelfEvaluation("a", "b", "c"), "x"))
                .hasMessageContaining("已提交自我评价");
    }

    @Test
    void r18_aClassSchemeIsConfigurableBeforeScoringAndKeptWhenAssessmentStarts() {
        AssessmentClass other = new AssessmentClass(fixtures, directory, jdbc, 2, 0);
        List<ScoringItem> items = new ArrayList<>(ScoringScheme.defaultItems());
        items.add(new ScoringItem(ScoringScheme.BONUS, "BONUS_VOLUNTEER", "志愿服务", new BigDecimal("20")));
        scores.configureScheme(other.classId, items);
        assertThat(scores.prepareScheme(other.classId)).isFalse();
        assertThat(scores.scheme(other.classId)).extracting(ScoringItem::code).contains("BONUS_VOLUNTEER");

        assertThatThrownBy(() -> scores.configureScheme(other.classId, items.subList(1, items.size())))
                .hasMessageContaining("合计须为100分，实际为 85 分");
        scores.recordPeerRatings(other.classId, other.cadres.get(0), Map.of(other.numbers.get(1), BigDecimal.TEN), "x");
        assertThatThrownBy(() -> scores.configureScheme(other.classId, items))
                .hasMessageContaining("已开始评分，评分方案不能再修改");
    }

    @Test
    void r16_r18_attendanceAspectAndCompletionComeFromTheCurrentMarks() {
        List<Long> sessions = k.sessions(4);
        LocalDateTime later = LocalDateTime.now().minusDays(20);
        k.mark(sessions.get(0), k.cadres.get(0), "ABSENT", later);
        k.mark(sessions.get(0), k.cadres.get(0), "PRESENT", later.plusHours(1));
        k.mark(sessions.get(0), k.cadres.get(1), "LATE", later);
        k.mark(sessions.get(1), k.cadres.get(1), "ABSENT", later);
        k.mark(sessions.get(2), k.cadres.get(2), "ON_LEAVE", later);
        for (long s : sessions) {
            k.mark(s, k.cadres.get(3), "ABSENT", later);
        }
        Map<Long, ScoreService.Attendance> attendance = scores.attendance(k.classId);
        assertThat(attendance.get(k.cadres.get(0))).extracting(a -> a.points(), a -> a.completed())
                .containsExactly(new BigDecimal("15.0"), true);
        assertThat(attendance.get(k.cadres.get(1))).extracting(a -> a.points(), a -> a.completed(), a -> a.absent(), a -> a.late())
                .containsExactly(new BigDecimal("11.0"), false, 1, 1);
        assertThat(attendance.get(k.cadres.get(2))).extracting(a -> a.points(), a -> a.completed())
                .containsExactly(new BigDecimal("15.0"), false);
        assertThat(attendance.get(k.cadres.get(3))).extracting(a -> a.points(), a -> a.completed())
                .containsExactly(new BigDecimal("3.0"), false);
    }
}
