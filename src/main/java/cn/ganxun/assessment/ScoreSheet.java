package cn.ganxun.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * The text of a score-entry textarea: one line per trainee, "干部编号，分，分，…" in the column order the form shows.
 * Fields are separated by Chinese or ASCII commas, 、, tabs or spaces; blank lines are skipped.
 */
final class ScoreSheet {

    private ScoreSheet() {
    }

    /** A non-blank line split into trimmed fields, with its 1-based line number. */
    record Line(int number, List<String> fields) {
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String[] raw = text.split("\\r?\\n");
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            lines.add(new Line(i + 1, List.of(line.split("\\s*[，,、\\t]\\s*|\\s+"))));
        }
        return lines;
    }

    /** Lines split into at most {@code limit} fields (the last one keeps its commas, e.g. a reason). */
    static List<Line> lines(String text, int limit) {
        List<Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String[] raw = text.split("\\r?\\n");
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (!line.isEmpty()) {
                lines.add(new Line(i + 1, List.of(line.split("\\s*[，,\\t]\\s*", limit))));
            }
        }
        return lines;
    }

    /** A score with at most one decimal, or null after adding a problem. */
    static BigDecimal points(String field, String where, String what, List<Problem> problems, String variable) {
        try {
            BigDecimal value = new BigDecimal(field.trim());
            if (value.stripTrailingZeros().scale() > 1) {
                problems.add(new Problem(variable, where + what + "至多一位小数：" + field));
                return null;
            }
            return value.setScale(1, java.math.RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Problem(variable, where + what + "不是数字：" + field));
            return null;
        }
    }
}
