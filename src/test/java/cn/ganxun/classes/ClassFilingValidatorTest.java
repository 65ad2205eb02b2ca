package cn.ganxun.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.ganxun.platform.InvalidInputException;

class ClassFilingValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    static ClassFiling filing(LocalDate start, LocalDate end, Integer participants, BigDecimal total, List<Course> courses) {
        return new ClassFiling(null, "县处级干部进修班", ClassType.ADVANCED_STUDY, "学习贯彻党的二十届三中全会精神", start, end, true,
                participants, DispatchMode.QUOTA, total, courses);
    }

    static List<Course> curriculum() {
        return List.of(new Course("习近平新时代中国特色社会主义思想", new BigDecimal("24"), CourseCategory.PARTY_THEORY),
                new Course("党性教育专题", new BigDecimal("16"), CourseCategory.PARTY_SPIRIT));
    }

    private static List<String> fieldsOf(ClassFiling filing) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ClassFilingValidator.validate(filing, TODAY));
        return e == null ? List.of() : e.problems().stream().map(InvalidInputException.Problem::field).toList();
    }

    @Test
    void acceptsACompleteFiling() {
        assertThatNoException().isThrownBy(() -> ClassFilingValidator.validate(
                filing(TODAY.plusDays(40), TODAY.plusDays(44), 40, new BigDecimal("40"), curriculum()), TODAY));
    }

    @Test
    void endBeforeStartIsRefused() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ClassFilingValidator.validate(
                filing(TODAY.plusDays(40), TODAY.plusDays(39), 40, new BigDecimal("40"), curriculum()), TODAY));
        assertThat(e.problems()).extracting(InvalidInputException.Problem::field).contains("endDate");
        assertThat(e.getMessage()).contains("结束日期不能早于开班日期");
    }

    @Test
    void negativeOrZeroParticipantsAreRefused() {
        assertThat(fieldsOf(filing(TODAY.plusDays(40), TODAY.plusDays(44), -5, new BigDecimal("40"), curriculum())))
                .containsExactly("plannedParticipants");
        assertThat(fieldsOf(filing(TODAY.plusDays(40), TODAY.plusDays(44), 0, new BigDecimal("40"), curriculum())))
                .containsExactly("plannedParticipants");
    }

    @Test
    void declaredTotalMustEqualTheCourseHours() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ClassFilingValidator.validate(
                filing(TODAY.plusDays(40), TODAY.plusDays(44), 40, new BigDecimal("48"), curriculum()), TODAY));
        assertThat(e.getMessage()).contains("申报总学时（48）与课程学时合计（40）不一致");
    }

    @Test
    void courseHoursCannotExceedEightADay() {
        List<Course> tooMuch = List.of(new Course("党课", new BigDecimal("20"), CourseCategory.PARTY_THEORY));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ClassFilingValidator.validate(
                filing(TODAY.plusDays(40), TODAY.plusDays(41), 40, new BigDecimal("20"), tooMuch), TODAY));
        assertThat(e.getMessage()).contains("超过培训天数可安排的上限（2天×8学时）");
    }

    @Test
    void startInThePastIsRefused() {
        assertThat(fieldsOf(filing(TODAY.minusDays(1), TODAY.plusDays(3), 40, new BigDecimal("40"), curriculum())))
                .containsExactly("startDate");
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        ClassFiling empty = new ClassFiling(null, " ", null, null, null, null, null, null, null, null, List.of());
        assertThat(fieldsOf(empty)).contains("title", "topic", "classType", "dispatchMode", "offJob",
                "plannedParticipants", "startDate", "endDate", "courses");
    }

    @Test
    void courseLinesAreCheckedOneByOne() {
        List<Course> courses = List.of(new Course("", new BigDecimal("0"), null));
        assertThat(fieldsOf(filing(TODAY.plusDays(40), TODAY.plusDays(44), 40, BigDecimal.ZERO, courses)))
                .contains("courses[0].title", "courses[0].hours", "courses[0].category");
    }
}
