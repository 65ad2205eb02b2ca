package cn.ganxun.certificates;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A completion certificate (结业证书, R21) with what the PDF prints. */
public record Certificate(
        long id,
        String certificateNumber,
        String verificationCode,
        String status,
        LocalDateTime issuedAt,
        LocalDateTime revokedAt,
        String revokeReason,
        long classId,
        String classNumber,
        String classTitle,
        LocalDate startDate,
        LocalDate endDate,
        long institutionId,
        String institutionName,
        long cadreId,
        String cadreName,
        long cadreUnitId) {

    public static final String VALID = "VALID";
    public static final String REVOKED = "REVOKED";

    public boolean valid() {
        return VALID.equals(status);
    }
}
