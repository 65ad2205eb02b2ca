package cn.ganxun.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * R37: the anonymity of the answers is a property of the stored rows. The test reads the schema (JDBC metadata) and
 * the rows themselves — including the database's own row order and, on PostgreSQL, the inserting transaction
 * ({@code xmin}) — and finds nothing that ties an answer set to the cadre who gave it. Also: once only, and bad input
 * refused naming the problem.
 */
@GanxunTest
@AlsoOnPostgres
class SurveyAnonymityTest {

    private static final List<String> ANSWER_TABLES = List.of("survey_answer_set", "survey_answer");

    @Autowired QuestionnaireService questionnaires;
    @Autowired SurveyService surveys;
    @Autowired AnonymousAnswers answers;
    @Autowired SurveyProperties properties;
    @Autowired ManagementService managementService;
    @Autowired TrainingFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    SurveyFixture f;
    List<Long> unit;

    @BeforeEach
    void setUp() {
        ClockUtil.reset();
        f = new SurveyFixture(questionnaires);
        unit = SurveyFixture.unitWithCadres(fixtures, "匿名测试局", 8);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void r37_theAnswerTablesHaveNoColumnThatIdentifiesACadreNoTimeAndNoSequence() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : ANSWER_TABLES) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = meta.getColumns(null, null, tableName(meta, table), null)) {
                    while (rs.next()) {
                        String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                        columns.add(column);
                        int type = rs.getInt("DATA_TYPE");
                        assertThat(type).as(table + "." + column + ": no date or time at all")
                                .isNotIn(Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE,
                                        Types.TIMESTAMP_WITH_TIMEZONE);
                        assertThat(rs.getString("IS_AUTOINCREMENT")).as(table + "." + column + ": no identity").isNotEqualTo("YES");
                        String defaultValue = rs.getString("COLUMN_DEF");
                        assertThat(defaultValue == null ? "" : defaultValue.toLowerCase(Locale.ROOT))
                                .as(table + "." + column + ": no sequence").doesNotContain("nextval", "sequence", "identity");
                        assertThat(column).as(table + ": no person, account or address")
                                .doesNotContain("cadre", "user", "person", "account", "ip", "addr", "host", "name", "email",
                                        "_at", "_on", "time", "date", "seq");
                    }
                }
                assertThat(columns).as(table).isNotEmpty();
            }
            try (ResultSet rs = meta.getImportedKeys(null, null, tableName(meta, "survey_answer_set"))) {
                while (rs.next()) {
                    assertThat(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT))
                            .as("an answer set refers to no cadre, account or participation")
                            .isIn("needs_survey", "unit");
                }
            }
            try (ResultSet rs = meta.getImportedKeys(null, null, tableName(meta, "survey_participation"))) {
                while (rs.next()) {
                    assertThat(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT)).isIn("needs_survey", "cadre");
                }
            }
        }
    }

    @Test
    void r37_storedAnswerRowsCannotBeMatchedToParticipationByIdsOrderOrTransaction() {
        long surveyId = SurveyFixture.open(surveys, managementService,
                f.survey("匿名性测试", List.of(SurveyFixture.code(jdbc, unit.get(0)))));
        List<Long> cadres = unit.subList(1, unit.size());
        for (int i = 0; i < cadres.size(); i++) {
            answers.submit(surveyId, cadres.get(i), f.staffAnswers(1 + i % 3, 1 + i % 5, "答卷" + i));
            if (postgres() && i + 1 == properties.mixSize() + 2) {
                // the transaction that wrote this participation wrote a crowd of answer sets, not one
                String xmin = jdbc.sql("SELECT xmin::text FROM survey_participation WHERE survey_id = ? AND cadre_id = ?")
                        .params(surveyId, cadres.get(i)).query(String.class).single();
                assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_answer_set WHERE survey_id = ? AND xmin::text = ?")
                        .params(surveyId, xmin).query(Integer.class).single()).isEqualTo(properties.mixSize() + 1);
            }
        }
        surveys.close(surveyId);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_participation WHERE survey_id = ?").param(surveyId)
                .query(Integer.class).single()).isEqualTo(8);
        List<String> ids = jdbc.sql("SELECT id FROM survey_answer_set WHERE survey_id = ?").param(surveyId)
                .query(String.class).list();
        assertThat(ids).hasSize(8).allSatisfy(id -> assertThat(UUID.fromString(id).version()).as("random UUID").isEqualTo(4));

        // nothing stored in the answer rows equals anything that names a respondent
        Set<String> identifying = new HashSet<>();
        for (long cadre : cadres) {
            identifying.add(String.valueOf(cadre));
            identifying.addAll(jdbc.sql("SELECT cadre_number, name, id_number FROM cadre WHERE id = ?").param(cadre)
                    .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single());
        }
        List<String> stored = new ArrayList<>(ids);
        stored.addAll(jdbc.sql("""
                SELECT a.text_value FROM survey_answer a JOIN survey_answer_set s ON s.id = a.answer_set_id
                 WHERE s.survey_id = ? AND a.text_value IS NOT NULL""").param(surveyId).query(String.class).list());
        assertThat(stored).doesNotContainAnyElementsOf(identifying);

        // the rows' physical order does not follow the order of answering
        String order = postgres() ? "ctid" : "_ROWID_";
        List<String> physical = jdbc.sql("SELECT a.text_value FROM survey_answer_set s JOIN survey_answer a ON a.answer_set_id = s.id"
                + " WHERE s.survey_id = ? AND a.question_id = ? ORDER BY s." + order).params(surveyId, f.individualText.id())
                .query(String.class).list();
        List<String> answeringOrder = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answeringOrder.add("答卷" + i);
        }
        assertThat(physical).containsExactlyInAnyOrderElementsOf(answeringOrder).isNotEqualTo(answeringOrder);

        if (postgres()) {
            // after the close every answer row was written by the close's transaction, which wrote no participation
            Set<String> setXmins = new HashSet<>(jdbc.sql("SELECT xmin::text FROM survey_answer_set WHERE survey_id = ?")
                    .param(surveyId).query(String.class).list());
            setXmins.addAll(jdbc.sql("""
                    SELECT a.xmin::text FROM survey_answer a JOIN survey_answer_set s ON s.id = a.answer_set_id
                     WHERE s.survey_id = ?""").param(surveyId).query(String.class).list());
            assertThat(setXmins).hasSize(1);
            assertThat(jdbc.sql("SELECT xmin::text FROM survey_participation WHERE survey_id = ?").param(surveyId)
                    .query(String.class).list()).doesNotContainAnyElementsOf(setXmins);
        }
    }

    @Test
    void r37_aCadreAnswersOnlyOnceEvenWhenTwoSubmissionsRace() throws Exception {
        long surveyId = SurveyFixture.open(surveys, managementService,
                f.survey("一人一次", List.of(SurveyFixture.code(jdbc, unit.get(0)))));
        long cadre = unit.get(1);
        answers.submit(surveyId, cadre, f.staffAnswers(1, 3, "第一次"));
        assertThatThrownBy(() -> answers.submit(surveyId, cadre, f.staffAnswers(2, 4, "第二次")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("R37").hasMessageContaining("只能提交一次");

        long racer = unit.get(2);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<String> submit = () -> {
            start.await();
            try {
                answers.submit(surveyId, racer, f.staffAnswers(3, 5, ""));
                return "ok";
            } catch (InvalidInputException e) {
                return e.getMessage();
            }
        };
        Future<String> one = pool.submit(submit);
        Future<String> two = pool.submit(submit);
        start.countDown();
        List<String> outcomes = List.of(one.get(), two.get());
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("ok");
        assertThat(outcomes).anySatisfy(o -> assertThat(o).contains("R37", "只能提交一次"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_participation WHERE survey_id = ?").param(surveyId)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_answer_set WHERE survey_id = ?").param(surveyId)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void r37_badAnswersAreRefusedNamingTheProblemAndNothingIsStored() {
        long leader = fixtures.cadre(unit.get(0), Rank.COUNTY_DEPUTY);
        long surveyId = SurveyFixture.open(surveys, managementService,
                f.survey("错误输入", List.of(SurveyFixture.code(jdbc, unit.get(0)))));
        long staff = unit.get(1);
        assertThatThrownBy(() -> answers.submit(surveyId, staff, List.of(
                new NewAnswer(f.organisational.id(), List.of(1, 2), null, null),
                new NewAnswer(f.positional.id(), null, 6, null),
                new NewAnswer(f.leadersOnly.id(), List.of(1), null, null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第1题为单选题")
                .hasMessageContaining("第2题请打 1 至 5 分")
                .hasMessageContaining("R37：题目 " + f.leadersOnly.id() + " 不在您的问卷中");
        assertThatThrownBy(() -> answers.submit(surveyId, leader, f.staffAnswers(1, 3, "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请回答第4题");
        assertThat(answers.questionsFor(surveys.find(surveyId), leader)).contains(f.leadersOnly);
        assertThat(answers.questionsFor(surveys.find(surveyId), staff)).doesNotContain(f.leadersOnly).hasSize(3);
        assertThat(surveys.answered(surveyId, staff)).isFalse();

        long outsider = fixtures.cadre(fixtures.unit("调研范围外局"), Rank.STAFF);
        assertThatThrownBy(() -> answers.submit(surveyId, outsider, f.staffAnswers(1, 3, "")))
                .hasMessageContaining("不在本次调研的对象单位内");

        surveys.close(surveyId);
        assertThatThrownBy(() -> answers.submit(surveyId, staff, f.staffAnswers(1, 3, "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("R37").hasMessageContaining("截止");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_answer_set WHERE survey_id = ?").param(surveyId)
                .query(Integer.class).single()).isZero();
    }

    private boolean postgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** H2 stores unquoted names in upper case, PostgreSQL in lower case. */
    private static String tableName(DatabaseMetaData meta, String table) throws java.sql.SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }
}
