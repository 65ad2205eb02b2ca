package cn.ganxun.assessment;

import java.math.BigDecimal;

/**
 * One trainee's computed assessment (R19, R20): the parts by rater, the weighted result, grade, rank (ties share a
 * rank), whether they completed the class, and whether they are an excellent-trainee candidate (R20, R35).
 */
public record AssessmentResult(long cadreId, String cadreNumber, String name, BigDecimal attendancePoints,
        BigDecimal teacherTotal, BigDecimal lecturerAverage, BigDecimal liaisonAverage, BigDecimal peerAverage,
        BigDecimal result, Grade grade, int rank, boolean completed, boolean excellentCandidate, String confirmedBy) {
}
