package cn.ganxun.attendance;

import java.util.Arrays;
import java.util.Optional;

/** An attendance mark of one trainee in one teaching session (R16). */
public enum Mark {
    PRESENT("出勤"), LATE("迟到"), ON_LEAVE("请假"), ABSENT("缺勤");

    private final String label;

    Mark(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The mark named by its constant (PRESENT) or its Chinese label (出勤), ignoring case and blanks. */
    public static Optional<Mark> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(v) || m.label.equals(v)).findFirst();
    }

    /** The message for a value that is none of the four marks. */
    static String invalid(Object value) {
        return "考勤取值无效：" + value + "（只能是 PRESENT 出勤、LATE 迟到、ON_LEAVE 请假、ABSENT 缺勤）";
    }
}
