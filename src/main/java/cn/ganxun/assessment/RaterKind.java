package cn.ganxun.assessment;

import java.util.List;

/** Who scores a trainee (R19) and on which items; the class teacher's items are the class's 4+1 scheme. */
public enum RaterKind {
    CLASS_TEACHER("班主任", List.of()),
    LECTURER("授课教师", List.of("KNOWLEDGE", "APPLICATION")),
    LIAISON("联络员", List.of("POLITICAL_QUALITY", "TEAMWORK")),
    PEER("同学互评", List.of(RaterKind.PEER_ITEM));

    /** The single item of a democratic (peer) rating. */
    public static final String PEER_ITEM = "OVERALL";

    private final String label;
    private final List<String> fixedItems;

    RaterKind(String label, List<String> fixedItems) {
        this.label = label;
        this.fixedItems = fixedItems;
    }

    public String label() {
        return label;
    }

    /** Items scored 0–100 by lecturers, the liaison and peers; empty for the class teacher (scheme items). */
    public List<String> fixedItems() {
        return fixedItems;
    }

    public static RaterKind parse(String value) {
        if (value != null) {
            String v = value.trim();
            for (RaterKind kind : values()) {
                if (kind.name().equalsIgnoreCase(v) || kind.label.equals(v)) {
                    return kind;
                }
            }
        }
        return null;
    }
}
