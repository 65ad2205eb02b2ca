package cn.ganxun.feedback;

import java.math.BigDecimal;

/**
 * One trainee's line in a unit feedback report: grade and result (R20), attendance share, credits (R22), certificate
 * (R21) and, once the follow-up is evaluated, the combined post-evaluation score and findings (R29). Missing figures
 * are null.
 */
public record TraineeResult(long cadreId, String cadreNumber, String name, String grade, BigDecimal result,
        BigDecimal attendanceShare, BigDecimal credits, String certificateNumber, BigDecimal followUpScore,
        String followUpFindings) {
}
