package cn.ganxun.dispatch;

import java.time.LocalDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How the org department fills a class: named cadres (R8), seats per unit (R9), or both, and the enrollment
 * deadline for all of them.
 */
@Schema(description = "调训安排")
public record RosterPlan(
        @Schema(description = "报名截止时间") LocalDateTime enrollmentDeadline,
        @Schema(description = "点名调训的干部 id") List<Long> namedCadreIds,
        @Schema(description = "各单位名额") List<UnitSeats> allocations,
        @Schema(description = "名单确定前是否由组织部审核各单位推荐") boolean reviewNominations) {

    /** Seats given to one unit. */
    public record UnitSeats(long unitId, int seats) {
    }

    public List<Long> namedCadreIds() {
        return namedCadreIds == null ? List.of() : namedCadreIds;
    }

    public List<UnitSeats> allocations() {
        return allocations == null ? List.of() : allocations;
    }

    int seatsWanted() {
        return namedCadreIds().size() + allocations().stream().mapToInt(UnitSeats::seats).sum();
    }
}
