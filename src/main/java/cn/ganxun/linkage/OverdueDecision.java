package cn.ganxun.linkage;

import java.util.Arrays;
import java.util.Optional;

/** The org department's decision when the one-year window closed without appointment training (R32). */
public enum OverdueDecision {
    EXTEND_PROBATION("延长试用期"),
    SPECIAL_CIRCUMSTANCES("记录特殊情况");

    private final String label;

    OverdueDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<OverdueDecision> parse(String value) {
        return value == null ? Optional.empty() : Arrays.stream(values())
                .filter(d -> d.name().equalsIgnoreCase(value.strip()) || d.label.equals(value.strip())).findFirst();
    }
}
