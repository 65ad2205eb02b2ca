package cn.ganxun.survey;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Category;
import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.platform.NotFoundException;

/**
 * Anonymous answers (R37). Nobody — not an administrator with database access either — can tell from the stored rows
 * which cadre gave which answers, yet each cadre answers once:
 * <ul>
 * <li>{@code survey_participation} (survey, cadre) says who answered; its primary key makes a second answer fail. It
 * holds nothing that points to an answer set, and no time.</li>
 * <li>{@code survey_answer_set} / {@code survey_answer} hold the answers with a random UUID and only the coarse context
 * the report groups by (unit, {@link SurveyLevel}, category): no cadre, user, IP, date or time, no identity or sequence
 * column whose order would follow the order of answering.</li>
 * <li>Rows written by one transaction can still be paired by the database's own bookkeeping (PostgreSQL's {@code xmin},
 * the physical row order, H2's {@code _ROWID_}). So each submission also re-writes up to {@code mix-size} earlier answer
 * sets of the survey under new UUIDs, all in random order: the answer rows of the transaction that wrote a participation
 * are a crowd. At the close every answer set is re-written in random order ({@link #seal}): afterwards they all carry
 * the close's transaction and a random position, unrelated to the participation rows.</li>
 * </ul>
 * Residual risks, out of reach of the schema: someone watching the database live while people answer, the write-ahead
 * log and backups taken while the survey is open, old row versions until (auto)vacuum reclaims them, the first answers
 * of a survey before a crowd exists, and free text or a rare combination of unit, level and category that gives a
 * person away (the report suppresses groups smaller than {@code min-group-size}).
 */
@Service
public class AnonymousAnswers {

    static final int TEXT_MAX = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final QuestionnaireService questionnaires;
    private final SurveyProperties properties;

    AnonymousAnswers(JdbcClient jdbc, QuestionnaireService questionnaires, SurveyProperties properties) {
        this.jdbc = jdbc;
        this.questionnaires = questionnaires;
        this.properties = properties;
    }

    /** One stored answer row: option number (0 when not a choice), scale value or text. */
    private record Row(long questionId, int optionNo, Integer scale, String text) {
    }

    /**
     * A cadre answers the survey, once (R37). Refused with a Chinese message naming the problem when the survey is not
     * open (not yet, or closed: R37), the cadre answered already (R37), or the answers do not fit the questions the cadre
     * is asked (every problem named); 403 when the cadre is not in a target unit.
     */
    @Transactional
    public void submit(long surveyId, long cadreId, List<NewAnswer> answers) {
        record Survey(long questionnaireId, String status, LocalDate opensOn, LocalDate closesOn) {
        }
        Survey survey = jdbc.sql("SELECT questionnaire_id, status, opens_on, closes_on FROM needs_survey WHERE id = ? FOR UPDATE")
                .param(surveyId)
                .query((rs, n) -> new Survey(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .optional().orElseThrow(() -> new NotFoundException("需求调研不存在：" + surveyId));
        LocalDate today = EngineClock.today();
        if (NeedsSurvey.CLOSED.equals(survey.status()) || today.isAfter(survey.closesOn())) {
            throw InvalidInputException.rule("R37", "surveyId", "本次调研已于 " + survey.closesOn() + " 截止，不能再提交答卷");
        }
        if (!NeedsSurvey.OPEN.equals(survey.status()) || today.isBefore(survey.opensOn())) {
            throw InvalidInputException.rule("R37", "surveyId", "本次调研 " + survey.opensOn() + " 开始，尚不能提交答卷");
        }
        record Respondent(long unitId, SurveyLevel level, Category category) {
        }
        Respondent respondent = jdbc.sql(SurveyService.TARGET_TREE + """
                SELECT c.unit_id, c.rank_level, c.category FROM cadre c
                 WHERE c.id = ? AND c.status = 'ACTIVE' AND c.unit_id IN (SELECT id FROM tree)""")
                .params(surveyId, cadreId)
                .query((rs, n) -> new Respondent(rs.getLong(1), SurveyLevel.of(Rank.valueOf(rs.getString(2))),
                        Category.valueOf(rs.getString(3))))
                .optional().orElseThrow(() -> new AccessDeniedException("无权访问：您不在本次调研的对象单位内"));
        if (jdbc.sql("SELECT COUNT(*) FROM survey_participation WHERE survey_id = ? AND cadre_id = ?")
                .params(surveyId, cadreId).query(Integer.class).single() > 0) {
            throw once();
        }
        List<Row> rows = validate(questionnaires.questionsFor(survey.questionnaireId(), respondent.level(),
                respondent.category()), answers);
        try {
            jdbc.sql("INSERT INTO survey_participation (survey_id, cadre_id) VALUES (?, ?)").params(surveyId, cadreId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw once();
        }
        List<String> crowd = new ArrayList<>(jdbc.sql("""
                SELECT id FROM survey_answer_set WHERE survey_id = ? ORDER BY RANDOM() LIMIT ?""")
                .params(surveyId, properties.mixSize()).query(String.class).list());
        crowd.add(null); // this submission's place in the crowd
        Collections.shuffle(crowd, RANDOM);
        for (String entry : crowd) {
            if (entry == null) {
                String id = UUID.randomUUID().toString();
                jdbc.sql("INSERT INTO survey_answer_set (id, survey_id, unit_id, survey_level, category) VALUES (?, ?, ?, ?, ?)")
                        .params(id, surveyId, respondent.unitId(), respondent.level().name(), respondent.category().name())
                        .update();
                List<Row> shuffled = new ArrayList<>(rows);
                Collections.shuffle(shuffled, RANDOM);
                for (Row row : shuffled) {
                    jdbc.sql("""
                            INSERT INTO survey_answer (answer_set_id, question_id, option_no, scale_value, text_value)
                            VALUES (?, ?, ?, ?, ?)""")
                            .params(id, row.questionId(), row.optionNo(), row.scale(), row.text()).update();
                }
            } else {
                rewrite(entry);
            }
        }
    }

    /** R37: the questions the cadre is asked, by the cadre's level and category. */
    public List<Question> questionsFor(NeedsSurvey survey, long cadreId) {
        return jdbc.sql("SELECT rank_level, category FROM cadre WHERE id = ?").param(cadreId)
                .query((rs, n) -> questionnaires.questionsFor(survey.questionnaireId(),
                        SurveyLevel.of(Rank.valueOf(rs.getString(1))), Category.valueOf(rs.getString(2))))
                .optional().orElseThrow(() -> new NotFoundException("干部不存在：" + cadreId));
    }

    /**
     * Re-writes every answer set of the survey under a new UUID, in random order (at the close), so neither row order
     * nor row versions relate an answer set to the transaction that wrote a participation row.
     *
     * @return how many answer sets the survey has
     */
    @Transactional
    public int seal(long surveyId) {
        List<String> ids = new ArrayList<>(jdbc.sql("SELECT id FROM survey_answer_set WHERE survey_id = ?").param(surveyId)
                .query(String.class).list());
        Collections.shuffle(ids, RANDOM);
        ids.forEach(this::rewrite);
        return ids.size();
    }

    private void rewrite(String oldId) {
        String newId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO survey_answer_set (id, survey_id, unit_id, survey_level, category)
                SELECT ?, survey_id, unit_id, survey_level, category FROM survey_answer_set WHERE id = ?""")
                .params(newId, oldId).update();
        jdbc.sql("""
                INSERT INTO survey_answer (answer_set_id, question_id, option_no, scale_value, text_value)
                SELECT ?, question_id, option_no, scale_value, text_value FROM survey_answer WHERE answer_set_id = ?""")
                .params(newId, oldId).update();
        jdbc.sql("DELETE FROM survey_answer WHERE answer_set_id = ?").param(oldId).update();
        jdbc.sql("DELETE FROM survey_answer_set WHERE id = ?").param(oldId).update();
    }

    private static InvalidInputException once() {
        return InvalidInputException.rule("R37", "surveyId", "您已提交过本次调研的答卷，每人只能提交一次（答卷匿名保存，无法查看或修改）");
    }

    /** Checks the answers against the cadre's questions (R37) and turns them into rows; every problem named. */
    private static List<Row> validate(List<Question> questions, List<NewAnswer> answers) {
        List<Problem> problems = new ArrayList<>();
        Map<Long, Question> asked = new HashMap<>();
        questions.forEach(q -> asked.put(q.id(), q));
        Map<Long, NewAnswer> given = new HashMap<>();
        for (NewAnswer answer : answers == null ? List.<NewAnswer>of() : answers) {
            if (answer == null || answer.questionId() == null) {
                problems.add(new Problem("answers", "每个答案须注明题目编号 questionId"));
            } else if (!asked.containsKey(answer.questionId())) {
                problems.add(new Problem("answers", "R37：题目 " + answer.questionId() + " 不在您的问卷中（问卷按层级和类别区分）"));
            } else if (given.put(answer.questionId(), answer) != null) {
                problems.add(new Problem("answers", "第" + asked.get(answer.questionId()).position() + "题重复作答"));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Question q : questions) {
            NewAnswer answer = given.get(q.id());
            String label = "第" + q.position() + "题";
            String field = "answers[" + q.id() + "]";
            if (answer == null || empty(answer)) {
                if (q.required()) {
                    problems.add(new Problem(field, "请回答" + label + "：" + q.text()));
                }
                continue;
            }
            switch (q.answerType()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    List<Integer> choices = answer.choices() == null ? List.of() : answer.choices();
                    Set<Integer> distinct = new HashSet<>(choices);
                    if (q.answerType() == AnswerType.SINGLE_CHOICE && choices.size() != 1) {
                        problems.add(new Problem(field, label + "为单选题，请选择一个选项"));
                    } else if (choices.isEmpty() || distinct.size() != choices.size()) {
                        problems.add(new Problem(field, label + "为多选题，请选择至少一个选项，每项只选一次"));
                    } else if (choices.stream().anyMatch(c -> c == null || c < 1 || c > q.options().size())) {
                        problems.add(new Problem(field, label + "的选项须在 1 至 " + q.options().size() + " 之间"));
                    } else {
                        choices.forEach(c -> rows.add(new Row(q.id(), c, null, null)));
                    }
                }
                case SCALE -> {
                    Integer scale = answer.scale();
                    if (scale == null || scale < AnswerType.SCALE_MIN || scale > AnswerType.SCALE_MAX) {
                        problems.add(new Problem(field, label + "请打 " + AnswerType.SCALE_MIN + " 至 " + AnswerType.SCALE_MAX + " 分"));
                    } else {
                        rows.add(new Row(q.id(), 0, scale, null));
                    }
                }
                case TEXT -> {
                    String text = answer.text() == null ? "" : answer.text().strip();
                    if (text.length() > TEXT_MAX) {
                        problems.add(new Problem(field, label + "不超过" + TEXT_MAX + "字"));
                    } else {
                        rows.add(new Row(q.id(), 0, null, text));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rows;
    }

    private static boolean empty(NewAnswer answer) {
        return (answer.choices() == null || answer.choices().isEmpty()) && answer.scale() == null
                && (answer.text() == null || answer.text().isBlank());
    }
}
