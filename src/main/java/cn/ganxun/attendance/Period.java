package cn.ganxun.attendance;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;

/** The half-day a teaching session takes place in, with the hours a leave window is compared against. */
public enum Period {
    MORNING("上午", LocalTime.of(8, 0), LocalTime.of(12, 0)),
    AFTERNOON("下午", LocalTime.of(14, 0), LocalTime.of(18, 0)),
    EVENING("晚上", LocalTime.of(19, 0), LocalTime.of(21, 30));

    private final String label;
    private final LocalTime starts;
    private final LocalTime ends;

    Period(String label, LocalTime starts, LocalTime ends) {
        this.label = label;
        this.starts = starts;
        this.ends = ends;
    }

    public String label() {
        return label;
    }

    public LocalTime starts() {
        return starts;
    }

    public LocalTime ends() {
        return ends;
    }

    /** The period named by its constant (MORNING) or its Chinese label (上午). */
    public static Optional<Period> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(v) || p.label.equals(v)).findFirst();
    }
}
