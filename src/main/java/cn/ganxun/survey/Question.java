package cn.ganxun.survey;

import java.util.List;
import java.util.Set;

import cn.ganxun.cadres.Category;

/**
 * One question of a questionnaire (R36 kind). R37: shown only to cadres of its levels and categories (empty sets mean
 * every level or category). Options are numbered from 1 in their order.
 */
public record Question(long id, int position, QuestionKind kind, AnswerType answerType, String text, List<String> options,
        Set<SurveyLevel> levels, Set<Category> categories, boolean required) {

    public boolean isFor(SurveyLevel level, Category category) {
        return (levels.isEmpty() || levels.contains(level)) && (categories.isEmpty() || categories.contains(category));
    }
}
