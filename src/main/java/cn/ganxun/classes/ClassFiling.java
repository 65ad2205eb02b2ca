package cn.ganxun.classes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A class filing (办班申报) as an institution submits it, from the Camunda Form or the REST API. Field names
 * equal the form's component keys ({@link ClassFilingProcess.Vars}). Nothing here is trusted before
 * {@link ClassFilingValidator} has checked it.
 */
@Schema(description = "办班申报")
public record ClassFiling(
        @Schema(description = "培训机构代码；机构用户可省略（按账号所属机构）", example = "DX01") String institutionCode,
        @Schema(description = "班次名称", example = "2027年春季县处级干部进修班") String title,
        @Schema(description = "班次类型") ClassType classType,
        @Schema(description = "培训主题", example = "学习贯彻党的二十届三中全会精神") String topic,
        @Schema(description = "开班日期") LocalDate startDate,
        @Schema(description = "结束日期") LocalDate endDate,
        @Schema(description = "是否脱产") Boolean offJob,
        @Schema(description = "计划参训人数") Integer plannedParticipants,
        @Schema(description = "调训方式") DispatchMode dispatchMode,
        @Schema(description = "申报总学时，须等于课程学时合计") BigDecimal totalHours,
        @Schema(description = "课程安排") List<Course> courses) {

    public BigDecimal courseHours() {
        return courses == null ? BigDecimal.ZERO
                : courses.stream().map(Course::hours).filter(h -> h != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Share of party theory and party spirit hours (R15), 0 when there are no hours. */
    public double partyShare() {
        BigDecimal total = courseHours();
        if (total.signum() == 0) {
            return 0;
        }
        BigDecimal party = courses.stream()
                .filter(c -> c.category() != null && c.category().countsTowardsPartyShare() && c.hours() != null)
                .map(Course::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return party.doubleValue() / total.doubleValue();
    }
}
