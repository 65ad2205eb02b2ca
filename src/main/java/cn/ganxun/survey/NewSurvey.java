package cn.ganxun.survey;

import java.time.LocalDate;
import java.util.List;

/** A survey to launch: the questionnaire, a title, the period (both days included) and the target units by code. */
public record NewSurvey(Long questionnaireId, String title, LocalDate opensOn, LocalDate closesOn, List<String> unitCodes) {
}
