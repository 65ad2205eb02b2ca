package cn.ganxun.linkage;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** A promotion to register (R32). Checked by the service, which names every problem in Chinese. */
public record PromotionRequest(
        @Schema(description = "干部编号", example = "C000001") String cadreNumber,
        @Schema(description = "晋升后职级（代码或中文）", example = "TOWNSHIP_PRINCIPAL") String toRank,
        @Schema(description = "新职务（不填则保留现职务）", example = "办公室主任") String post,
        @Schema(description = "晋升生效日期，不能晚于今天", example = "2026-03-01") LocalDate effectiveOn,
        @Schema(description = "备注") String note) {
}
