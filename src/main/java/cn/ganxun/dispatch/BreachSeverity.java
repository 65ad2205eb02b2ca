package cn.ganxun.dispatch;

/** How a broken dispatch rule weighs on a nomination. */
public enum BreachSeverity {
    /** The cadre cannot be dispatched to the class. */
    BLOCK,
    /** A "generally" (一般) rule: dispatch needs an authorised person's override with a recorded reason. */
    OVERRIDABLE,
    /** Shown to the people deciding; nothing is stopped. */
    WARNING
}
