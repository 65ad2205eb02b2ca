package cn.ganxun.makeup;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A trainee on the make-up training list (补训, R21): why, and the later class they were placed in, if any. */
public record MakeUpEntry(
        long id,
        long classId,
        String classNumber,
        String classTitle,
        LocalDate classEndDate,
        long cadreId,
        String cadreNumber,
        String cadreName,
        String reason,
        String reasonLabel,
        Long placedClassId,
        String placedClassNumber,
        String placedBy,
        LocalDateTime placedAt,
        LocalDateTime createdAt) {

    public static final String FAILED = "FAILED";
    public static final String INCOMPLETE = "INCOMPLETE";

    public boolean placed() {
        return placedClassId != null;
    }

    static String label(String reason) {
        return INCOMPLETE.equals(reason) ? "未完成学习（未结业）" : "考核不合格";
    }
}
