package cn.ganxun.dispatch;

import java.time.LocalDateTime;

/**
 * One named cadre of a class (点名调训, R8) and where the mandate stands; {@code deadline} is the roster's enrollment
 * deadline, by which the cadre's unit confirms.
 */
public record NamedMandate(long id, long classId, long cadreId, String cadreNumber, String cadreName, String cadreEmail,
        long unitId, String unitCode, String unitName, long originalCadreId, String status, Long substituteCadreId,
        String substitutionReason, LocalDateTime deadline) {

    /** Whether the approver let the unit replace the cadre the org department named. */
    public boolean substituted() {
        return cadreId != originalCadreId;
    }

    /** E.g. 张三（C000123）. */
    public String cadreLabel() {
        return cadreName + "（" + cadreNumber + "）";
    }
}
