package cn.ganxun.classes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * The curriculum as the filing form holds it: one course per line, "课程名称，学时，类别", separated by a Chinese
 * or ASCII comma or a tab (pasted from a spreadsheet). Categories are given by their Chinese label, a short
 * form (理论 / 党性 / 专业 / 其他) or the code.
 *
 * <p>A text area rather than a repeating group: Tasklist 7.24 keeps the Start/Complete button disabled once a
 * field inside a form-js dynamic list has been edited (it counts the list's nested, empty error entries).
 */
final class CurriculumText {

    static final String FIELD = ClassFilingProcess.Vars.CURRICULUM;

    private CurriculumText() {
    }

    static List<Course> parse(String text, List<Problem> problems) {
        List<Course> courses = new ArrayList<>();
        if (text == null) {
            return courses;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String where = "课程安排第" + (i + 1) + "行";
            List<String> parts = Arrays.stream(line.split("[，,\\t]")).map(String::trim).toList();
            if (parts.size() != 3) {
                problems.add(new Problem(FIELD, where + "应为“课程名称，学时，类别”三项"));
                continue;
            }
            BigDecimal hours = null;
            try {
                hours = new BigDecimal(parts.get(1));
            } catch (NumberFormatException e) {
                problems.add(new Problem(FIELD, where + "的学时“" + parts.get(1) + "”不是数字"));
            }
            Optional<CourseCategory> category = category(parts.get(2));
            if (category.isEmpty()) {
                problems.add(new Problem(FIELD, where + "的类别“" + parts.get(2)
                        + "”无效，应为：党的理论教育、党性教育、专业化能力培训、其他"));
            }
            courses.add(new Course(parts.get(0), hours, category.orElse(null)));
        }
        return courses;
    }

    static String format(List<Course> courses) {
        StringBuilder text = new StringBuilder();
        for (Course course : courses) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(course.title()).append('，')
                    .append(course.hours() == null ? "" : course.hours().stripTrailingZeros().toPlainString()).append('，')
                    .append(course.category() == null ? "" : course.category().label());
        }
        return text.toString();
    }

    private static Optional<CourseCategory> category(String value) {
        for (CourseCategory category : CourseCategory.values()) {
            if (category.label().equals(value) || category.name().equals(value.toUpperCase(Locale.ROOT))
                    || category.label().startsWith(shortForm(value))) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    private static String shortForm(String value) {
        return switch (value) {
            case "理论", "党的理论" -> "党的理论";
            case "党性" -> "党性";
            case "专业", "业务" -> "专业";
            case "其他" -> "其他";
            default -> "\u0000";
        };
    }
}
