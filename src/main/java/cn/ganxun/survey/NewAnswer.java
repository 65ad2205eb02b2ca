package cn.ganxun.survey;

import java.util.List;

/** A cadre's answer to one question: the option numbers chosen (from 1), the scale value (1–5) or the text. */
public record NewAnswer(Long questionId, List<Integer> choices, Integer scale, String text) {
}
