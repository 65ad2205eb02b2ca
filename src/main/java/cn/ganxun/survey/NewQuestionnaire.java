package cn.ganxun.survey;

import java.util.List;

import cn.ganxun.cadres.Category;

/** A questionnaire as the org department designs it (REST, JSON). */
public record NewQuestionnaire(String title, String description, List<NewQuestion> questions) {

    /** One question; {@code levels} / {@code categories} empty or null = every level / category (R37). */
    public record NewQuestion(QuestionKind kind, AnswerType answerType, String text, List<String> options,
            List<SurveyLevel> levels, List<Category> categories, Boolean required) {
    }
}
