package cn.ganxun.dispatch;

/** The approver on a nominee who breaks a "generally" rule of R10: override with a recorded reason, or refuse. */
public enum OverrideDecision {
    OVERRIDE, REFUSE
}
