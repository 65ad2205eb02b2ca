package cn.ganxun.coverage;

import java.math.BigDecimal;

/**
 * One cadre's coverage over the rolling five years (R4, R5, R6); see {@link CoverageService} for how the figures
 * are counted.
 *
 * @param partyHours    the cadre's hours of party-theory and party-spirit courses
 * @param totalHours    all completed training hours
 * @param requiredHours 550 for county/division level and above, 500 otherwise (R6)
 * @param reason        the figures in Chinese, e.g. 近5年累计312学时，应达500学时，尚差188学时（R6）
 */
public record CoverageLight(long cadreId, Light light, BigDecimal partyHours, BigDecimal totalHours,
        int requiredHours, String reason) {
}
