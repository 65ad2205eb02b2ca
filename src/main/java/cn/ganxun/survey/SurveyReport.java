package cn.ganxun.survey;

import java.math.BigDecimal;
import java.util.List;

/**
 * R38: a closed survey's results by unit, level and category. Groups with fewer answer sets than {@code minGroupSize}
 * are suppressed (R37: no small group gives a person away); texts are listed only when the survey has that many answers.
 */
public record SurveyReport(NeedsSurvey survey, int targeted, int respondents, int minGroupSize, List<ResponseRate> rates,
        List<QuestionResult> questions) {

    /** One question's results: the whole survey, then each unit, level and category. */
    public record QuestionResult(long questionId, int position, QuestionKind kind, AnswerType answerType, String text,
            List<String> options, Group overall, List<Group> groups, List<String> texts) {
    }

    /**
     * One group's results for a question: {@code size} answer sets in the group, {@code answered} of them answered the
     * question; option counts (choices) or the average (scale); all empty when suppressed.
     */
    public record Group(String dimension, String label, int size, boolean suppressed, int answered, List<Integer> counts,
            BigDecimal average) {

        /** The result in words: "选项（人数）；…", "平均 4.2 分", "n 条", or why it is not shown. */
        public String summary(AnswerType type, List<String> options, int minGroupSize) {
            if (suppressed) {
                return "不足 " + minGroupSize + " 人，不予显示";
            }
            return switch (type) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < options.size(); i++) {
                        text.append(i == 0 ? "" : "；").append(options.get(i)).append(" ").append(counts.get(i));
                    }
                    yield text.toString();
                }
                case SCALE -> average == null ? "—" : "平均 " + average + " 分";
                case TEXT -> answered + " 条";
            };
        }
    }
}
