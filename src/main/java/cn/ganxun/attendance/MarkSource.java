package cn.ganxun.attendance;

/** Where an attendance mark came from. */
public enum MarkSource {
    /** The class teacher's register (page, REST) or a correction. */
    REGISTER,
    /** A check-in device's upload. */
    DEVICE,
    /** An approved leave, written at report-back (销假). */
    LEAVE
}
