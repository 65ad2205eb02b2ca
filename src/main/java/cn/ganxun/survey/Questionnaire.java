package cn.ganxun.survey;

import java.util.List;

/** A questionnaire (调研问卷) and its questions in order; {@code copiedFromId} names the one it was copied from. */
public record Questionnaire(long id, String title, String description, Long copiedFromId, String createdBy,
        List<Question> questions) {
}
