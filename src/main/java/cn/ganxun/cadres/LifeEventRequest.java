package cn.ganxun.cadres;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A promotion, transfer or retirement to record (R1). Enum values may be codes or Chinese labels. */
record LifeEventRequest(
        @Schema(description = "事件类型：PROMOTION（晋升）、TRANSFER（调动）、RETIREMENT（退休）", example = "PROMOTION")
        @NotBlank(message = "事件类型 kind 不能为空") String kind,
        @Schema(description = "生效日期", example = "2025-03-01")
        @NotNull(message = "生效日期 effectiveOn 不能为空") LocalDate effectiveOn,
        @Schema(description = "晋升后职级（仅晋升）", example = "TOWNSHIP_PRINCIPAL") String toRank,
        @Schema(description = "调入单位 id（仅调动）") Long toUnitId,
        @Schema(description = "新职务（晋升、调动时可填）")
        @Size(max = 200, message = "职务 post 不能超过200字") String post,
        @Size(max = 500, message = "备注 note 不能超过500字") String note) {
}
