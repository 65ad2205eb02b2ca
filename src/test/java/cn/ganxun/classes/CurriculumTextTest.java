package cn.ganxun.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.ganxun.platform.InvalidInputException.Problem;

class CurriculumTextTest {

    @Test
    void readsChineseCommasAsciiCommasTabsAndShortCategories() {
        List<Problem> problems = new ArrayList<>();
        List<Course> courses = CurriculumText.parse("""
                习近平新时代中国特色社会主义思想，24，党的理论教育
                党性教育专题,8,党性

                基层治理实务\t6.5\t专业
                """, problems);
        assertThat(problems).isEmpty();
        assertThat(courses).containsExactly(
                new Course("习近平新时代中国特色社会主义思想", new BigDecimal("24"), CourseCategory.PARTY_THEORY),
                new Course("党性教育专题", new BigDecimal("8"), CourseCategory.PARTY_SPIRIT),
                new Course("基层治理实务", new BigDecimal("6.5"), CourseCategory.PROFESSIONAL));
    }

    @Test
    void namesTheLineAndTheProblem() {
        List<Problem> problems = new ArrayList<>();
        CurriculumText.parse("党课，八，党的理论教育\n党课\n党课，8，体育", problems);
        assertThat(problems).extracting(Problem::message).containsExactly(
                "课程安排第1行的学时“八”不是数字",
                "课程安排第2行应为“课程名称，学时，类别”三项",
                "课程安排第3行的类别“体育”无效，应为：党的理论教育、党性教育、专业化能力培训、其他");
        assertThat(problems).extracting(Problem::field).containsOnly("curriculum");
    }

    @Test
    void formatIsReadBackUnchanged() {
        List<Course> courses = List.of(new Course("党史", new BigDecimal("12.0"), CourseCategory.PARTY_THEORY),
                new Course("调研方法", new BigDecimal("4"), CourseCategory.OTHER));
        String text = CurriculumText.format(courses);
        assertThat(text).isEqualTo("党史，12，党的理论教育\n调研方法，4，其他");
        List<Problem> problems = new ArrayList<>();
        assertThat(CurriculumText.parse(text, problems)).extracting(Course::hours)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("12"), new BigDecimal("4"));
        assertThat(problems).isEmpty();
    }
}
