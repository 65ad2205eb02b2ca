package cn.ganxun.classes;

import static cn.ganxun.classes.ClassFilingProcess.Vars.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;



import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * Converts between a {@link ClassFiling} and the process variables of the filing form. Camunda Forms submit
 * dates as ISO strings, numbers as JSON numbers and the curriculum as text ({@link CurriculumText}).
 */
final class ClassFilingVariables {

    private ClassFilingVariables() {
    }

    static ClassFiling fromVariables(Map<String, Object> variables) {
        List<Problem> problems = new ArrayList<>();
        ClassFiling filing = new ClassFiling(
                text(variables.get(INSTITUTION_CODE)),
                text(variables.get(TITLE)),
                enumValue(ClassType.class, variables.get(CLASS_TYPE), CLASS_TYPE, "班次类型", problems),
                text(variables.get(TOPIC)),
                date(variables.get(START_DATE), START_DATE, "开班日期", problems),
                date(variables.get(END_DATE), END_DATE, "结束日期", problems),
                bool(variables.get(OFF_JOB)),
                integer(variables.get(PLANNED_PARTICIPANTS), PLANNED_PARTICIPANTS, "计划参训人数", problems),
                enumValue(DispatchMode.class, variables.get(DISPATCH_MODE), DISPATCH_MODE, "调训方式", problems),
                decimal(variables.get(TOTAL_HOURS), TOTAL_HOURS, "申报总学时", problems),
                CurriculumText.parse(text(variables.get(CURRICULUM)), problems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return filing;
    }

    static Map<String, Object> toVariables(ClassFiling filing) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(INSTITUTION_CODE, filing.institutionCode());
        variables.put(TITLE, filing.title());
        variables.put(CLASS_TYPE, filing.classType() == null ? null : filing.classType().name());
        variables.put(TOPIC, filing.topic());
        variables.put(START_DATE, filing.startDate() == null ? null : filing.startDate().toString());
        variables.put(END_DATE, filing.endDate() == null ? null : filing.endDate().toString());
        variables.put(OFF_JOB, filing.offJob());
        variables.put(PLANNED_PARTICIPANTS, filing.plannedParticipants());
        variables.put(DISPATCH_MODE, filing.dispatchMode() == null ? null : filing.dispatchMode().name());
        variables.put(TOTAL_HOURS, filing.totalHours() == null ? null : filing.totalHours().doubleValue());
        variables.put(CURRICULUM, filing.courses() == null ? null : CurriculumText.format(filing.courses()));
        return variables;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Boolean bool(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
    }

    private static LocalDate date(Object value, String field, String label, List<Problem> problems) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof java.util.Date date) {
            return new java.sql.Date(date.getTime()).toLocalDate();
        }
        try {
            return LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, label + "不是有效日期（格式：yyyy-MM-dd）"));
            return null;
        }
    }

    private static Integer integer(Object value, String field, String label, List<Problem> problems) {
        BigDecimal number = decimal(value, field, label, problems);
        if (number == null) {
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            problems.add(new Problem(field, label + "必须是整数"));
            return null;
        }
        return number.intValue();
    }

    private static BigDecimal decimal(Object value, String field, String label, List<Problem> problems) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            problems.add(new Problem(field, label + "必须是数字"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Object value, String field, String label,
            List<Problem> problems) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toString().trim());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, label + "取值无效：" + value));
            return null;
        }
    }
}
