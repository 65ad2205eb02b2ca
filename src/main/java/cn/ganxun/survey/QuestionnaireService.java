package cn.ganxun.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Category;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.survey.NewQuestionnaire.NewQuestion;

/**
 * Questionnaires of the needs survey: designed by the org department or copied from an earlier one. R36: each asks
 * about organisational, positional and individual needs; R37: each question may be meant for some levels and
 * categories only, so the form a cadre sees differs by level and category.
 */
@Service
public class QuestionnaireService {

    static final int MAX_OPTIONS = 20;
    private static final String QUESTIONS = """
            SELECT id, position, kind, answer_type, text, options, levels, categories, required
              FROM survey_question WHERE questionnaire_id = ? ORDER BY position""";

    private final JdbcClient jdbc;

    QuestionnaireService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a questionnaire. Refused, every problem named, when the title or a question's text is missing or too
     * long, a choice question has fewer than 2 or more than 20 options, another type has options, or one of the three
     * kinds of need is not asked about (R36).
     *
     * @return the questionnaire id
     */
    @Transactional
    public long create(NewQuestionnaire questionnaire, String actor) {
        if (questionnaire == null) {
            throw InvalidInputException.of("questionnaire", "请提供问卷内容");
        }
        List<Problem> problems = new ArrayList<>();
        if (questionnaire.title() == null || questionnaire.title().isBlank() || questionnaire.title().strip().length() > 200) {
            problems.add(new Problem("title", "请填写问卷标题（不超过200字）"));
        }
        if (questionnaire.description() != null && questionnaire.description().length() > 2000) {
            problems.add(new Problem("description", "问卷说明不超过2000字"));
        }
        List<NewQuestion> questions = questionnaire.questions() == null ? List.of() : questionnaire.questions();
        Set<QuestionKind> kinds = EnumSet.noneOf(QuestionKind.class);
        for (int i = 0; i < questions.size(); i++) {
            NewQuestion q = questions.get(i);
            String field = "questions[" + i + "]";
            if (q == null) {
                problems.add(new Problem(field, "第" + (i + 1) + "题为空"));
                continue;
            }
            if (q.kind() == null) {
                problems.add(new Problem(field + ".kind", "第" + (i + 1) + "题请选择需求类别：ORGANISATIONAL（组织需求）、POSITIONAL（岗位需求）或 INDIVIDUAL（个人需求）"));
            } else {
                kinds.add(q.kind());
            }
            if (q.text() == null || q.text().isBlank() || q.text().strip().length() > 500) {
                problems.add(new Problem(field + ".text", "第" + (i + 1) + "题请填写题目（不超过500字）"));
            }
            List<String> options = options(q);
            if (q.answerType() == null) {
                problems.add(new Problem(field + ".answerType", "第" + (i + 1) + "题请选择作答方式：SINGLE_CHOICE、MULTIPLE_CHOICE、TEXT 或 SCALE"));
            } else if (q.answerType().hasOptions()) {
                if (options.size() < 2 || options.size() > MAX_OPTIONS
                        || options.stream().anyMatch(o -> o.isBlank() || o.length() > 100)) {
                    problems.add(new Problem(field + ".options", "第" + (i + 1) + "题为选择题，需2至" + MAX_OPTIONS + "个选项，每项不超过100字"));
                }
            } else if (!options.isEmpty()) {
                problems.add(new Problem(field + ".options", "第" + (i + 1) + "题为" + q.answerType().label() + "题，不设选项"));
            }
        }
        if (questions.isEmpty()) {
            problems.add(new Problem("questions", "问卷至少需要一道题"));
        } else {
            Set<QuestionKind> missing = EnumSet.allOf(QuestionKind.class);
            missing.removeAll(kinds);
            if (!missing.isEmpty()) {
                problems.add(new Problem("questions", "R36：问卷应涵盖组织需求、岗位需求和个人需求，缺少："
                        + missing.stream().map(QuestionKind::label).collect(Collectors.joining("、"))));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = insertQuestionnaire(questionnaire.title().strip(), blankToNull(questionnaire.description()), null, actor);
        for (int i = 0; i < questions.size(); i++) {
            NewQuestion q = questions.get(i);
            insertQuestion(id, i + 1, q.kind(), q.answerType(), q.text().strip(), String.join("\n", options(q)),
                    names(q.levels()), names(q.categories()), q.required() == null || q.required());
        }
        return id;
    }

    /** Copies a questionnaire (questions and audiences) under a new title, or the same title when none is given. */
    @Transactional
    public long copy(long questionnaireId, String title, String actor) {
        Questionnaire source = find(questionnaireId);
        String newTitle = title == null || title.isBlank() ? source.title() : title.strip();
        if (newTitle.length() > 200) {
            throw InvalidInputException.of("title", "问卷标题不超过200字");
        }
        long id = insertQuestionnaire(newTitle, source.description(), source.id(), actor);
        jdbc.sql("""
                INSERT INTO survey_question (questionnaire_id, position, kind, answer_type, text, options, levels, categories,
                                             required)
                SELECT ?, position, kind, answer_type, text, options, levels, categories, required
                  FROM survey_question WHERE questionnaire_id = ?""")
                .params(id, questionnaireId).update();
        return id;
    }

    public Questionnaire find(long questionnaireId) {
        return jdbc.sql("SELECT id, title, description, copied_from_id, created_by FROM survey_questionnaire WHERE id = ?")
                .param(questionnaireId)
                .query((rs, n) -> new Questionnaire(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                        rs.getObject("copied_from_id", Long.class), rs.getString("created_by"), questions(questionnaireId)))
                .optional().orElseThrow(() -> new NotFoundException("调研问卷不存在：" + questionnaireId));
    }

    /** Every questionnaire, newest first, with its questions. */
    public List<Questionnaire> list() {
        return jdbc.sql("SELECT id FROM survey_questionnaire ORDER BY id DESC").query(Long.class).list().stream()
                .map(this::find).toList();
    }

    /** Every question of the questionnaire by position. */
    public List<Question> questions(long questionnaireId) {
        return jdbc.sql(QUESTIONS).param(questionnaireId).query(QuestionnaireService::question).list();
    }

    /** R37: the questions a cadre of this level and category is asked. */
    public List<Question> questionsFor(long questionnaireId, SurveyLevel level, Category category) {
        return questions(questionnaireId).stream().filter(q -> q.isFor(level, category)).toList();
    }

    /** Question id → question, for the report. */
    Map<Long, Question> byId(long questionnaireId) {
        Map<Long, Question> map = new LinkedHashMap<>();
        questions(questionnaireId).forEach(q -> map.put(q.id(), q));
        return map;
    }

    private long insertQuestionnaire(String title, String description, Long copiedFrom, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO survey_questionnaire (title, description, copied_from_id, created_by, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(title, description, copiedFrom, actor, Timestamp.valueOf(EngineClock.now())).update(key, "id");
        return key.getKey().longValue();
    }

    private void insertQuestion(long questionnaireId, int position, QuestionKind kind, AnswerType type, String text,
            String options, String levels, String categories, boolean required) {
        jdbc.sql("""
                INSERT INTO survey_question (questionnaire_id, position, kind, answer_type, text, options, levels, categories,
                                             required)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(questionnaireId, position, kind.name(), type.name(), text, blankToNull(options), levels, categories,
                        required)
                .update();
    }

    private static List<String> options(NewQuestion q) {
        return q.options() == null ? List.of() : q.options().stream().map(o -> o == null ? "" : o.strip()).toList();
    }

    private static String names(List<? extends Enum<?>> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream().filter(v -> v != null).map(Enum::name).distinct().collect(Collectors.joining(","));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Question question(ResultSet rs, int row) throws SQLException {
        String options = rs.getString("options");
        return new Question(rs.getLong("id"), rs.getInt("position"), QuestionKind.valueOf(rs.getString("kind")),
                AnswerType.valueOf(rs.getString("answer_type")), rs.getString("text"),
                options == null ? List.of() : List.of(options.split("\n")),
                parse(rs.getString("levels"), SurveyLevel.class), parse(rs.getString("categories"), Category.class),
                rs.getBoolean("required"));
    }

    private static <E extends Enum<E>> Set<E> parse(String names, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (names != null) {
            Arrays.stream(names.split(",")).map(n -> Enum.valueOf(type, n)).forEach(set::add);
        }
        return set;
    }
}
