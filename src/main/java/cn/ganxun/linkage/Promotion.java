package cn.ganxun.linkage;

import java.time.LocalDate;
import java.time.LocalDateTime;

import cn.ganxun.cadres.Rank;

/**
 * A registered promotion and its appointment-training watch (R32): the window runs from the effective date to
 * {@code windowEndsOn} (effective date + 1 year, inclusive); the training that counted, or the org department's
 * decision after the window closed.
 */
public record Promotion(long id, long cadreId, String cadreNumber, String cadreName, Rank fromRank, Rank toRank,
        String post, LocalDate effectiveOn, LocalDate windowEndsOn, PromotionStatus status, String statusLabel,
        Long trainedClassId, String trainedClassNumber, String trainedClassTitle, LocalDate trainedClassEndDate,
        LocalDateTime remindedAt, LocalDateTime overdueAt, LocalDate probationEndsOn, String decisionReason,
        String decidedBy, LocalDateTime decidedAt, String note, String registeredBy, LocalDateTime registeredAt,
        String processInstanceId) {
}
