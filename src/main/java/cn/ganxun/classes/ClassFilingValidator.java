package cn.ganxun.classes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * Server-side validation of a filing, the same for the REST API and the Camunda Form. Collects every problem
 * so the institution can fix them in one go. Rule checks (R13, R15) are not here: they live in filing-rules.dmn.
 */
final class ClassFilingValidator {

    static final int MAX_HOURS_PER_DAY = 8;
    static final int MAX_PARTICIPANTS = 2000;

    private ClassFilingValidator() {
    }

    static void validate(ClassFiling filing, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        requireText(problems, "title", filing.title(), "班次名称", 200);
        requireText(problems, "topic", filing.topic(), "培训主题", 200);
        if (filing.classType() == null) {
            problems.add(new Problem("classType", "请选择班次类型"));
        }
        if (filing.dispatchMode() == null) {
            problems.add(new Problem("dispatchMode", "请选择调训方式"));
        }
        if (filing.offJob() == null) {
            problems.add(new Problem("offJob", "请说明是否脱产"));
        }
        if (filing.plannedParticipants() == null) {
            problems.add(new Problem("plannedParticipants", "请填写计划参训人数"));
        } else if (filing.plannedParticipants() < 1 || filing.plannedParticipants() > MAX_PARTICIPANTS) {
            problems.add(new Problem("plannedParticipants", "计划参训人数必须在1至" + MAX_PARTICIPANTS + "之间"));
        }
        validateDates(problems, filing, today);
        validateCurriculum(problems, filing);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void validateDates(List<Problem> problems, ClassFiling filing, LocalDate today) {
        if (filing.startDate() == null) {
            problems.add(new Problem("startDate", "请填写开班日期"));
        } else if (filing.startDate().isBefore(today)) {
            problems.add(new Problem("startDate", "开班日期不能早于今天"));
        }
        if (filing.endDate() == null) {
            problems.add(new Problem("endDate", "请填写结束日期"));
        } else if (filing.startDate() != null && filing.endDate().isBefore(filing.startDate())) {
            problems.add(new Problem("endDate", "结束日期不能早于开班日期"));
        }
    }

    private static void validateCurriculum(List<Problem> problems, ClassFiling filing) {
        if (filing.courses() == null || filing.courses().isEmpty()) {
            problems.add(new Problem("courses", "请至少填写一门课程"));
            return;
        }
        for (int i = 0; i < filing.courses().size(); i++) {
            Course course = filing.courses().get(i);
            String field = "courses[" + i + "]";
            String line = "第" + (i + 1) + "门课程";
            if (course == null) {
                problems.add(new Problem(field, line + "为空"));
                continue;
            }
            if (course.title() == null || course.title().isBlank()) {
                problems.add(new Problem(field + ".title", line + "缺少课程名称"));
            }
            if (course.hours() == null || course.hours().signum() <= 0) {
                problems.add(new Problem(field + ".hours", line + "的学时必须大于0"));
            }
            if (course.category() == null) {
                problems.add(new Problem(field + ".category", line + "缺少课程类别"));
            }
        }
        BigDecimal sum = filing.courseHours();
        if (filing.totalHours() == null) {
            problems.add(new Problem("totalHours", "请填写申报总学时"));
        } else if (filing.totalHours().compareTo(sum) != 0) {
            problems.add(new Problem("totalHours", "申报总学时（" + filing.totalHours().stripTrailingZeros().toPlainString()
                    + "）与课程学时合计（" + sum.stripTrailingZeros().toPlainString() + "）不一致"));
        }
        if (filing.startDate() != null && filing.endDate() != null && !filing.endDate().isBefore(filing.startDate())) {
            long days = ChronoUnit.DAYS.between(filing.startDate(), filing.endDate()) + 1;
            if (sum.compareTo(BigDecimal.valueOf(days * MAX_HOURS_PER_DAY)) > 0) {
                problems.add(new Problem("courses", "课程学时合计（" + sum.stripTrailingZeros().toPlainString()
                        + "）超过培训天数可安排的上限（" + days + "天×" + MAX_HOURS_PER_DAY + "学时）"));
            }
        }
    }

    private static void requireText(List<Problem> problems, String field, String value, String label, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "请填写" + label));
        } else if (value.length() > max) {
            problems.add(new Problem(field, label + "不能超过" + max + "个字"));
        }
    }
}
