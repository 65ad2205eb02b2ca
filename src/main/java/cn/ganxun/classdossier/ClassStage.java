package cn.ganxun.classdossier;

import java.util.Arrays;

import cn.ganxun.platform.InvalidInputException;

/**
 * Where a class stands in its whole life, derived from the tables (never stored): the filing's status, the roster, the
 * class dates, the assessment results and the follow-up. {@link #SQL} is the one expression every portal query uses.
 * A rejected filing is a stage of its own (REJECTED), so the stage counts add up to every class of the selection.
 */
public enum ClassStage {
    FILED("申报审批中"),
    APPROVED("已批准，待调训"),
    ROSTERING("调训中"),
    RUNNING("在训"),
    ASSESSING("考核中"),
    FOLLOWING_UP("训后跟踪"),
    CLOSED("已结束"),
    REJECTED("未批准");

    /**
     * The stage of class {@code k} on the day {@code :today} (the engine clock's date), first match wins:
     * <ol>
     * <li>REJECTED: the approver rejected the filing;</li>
     * <li>FILED: filed, under review or returned for revision (class-filing still runs);</li>
     * <li>CLOSED: a history class (status CLOSED) or its follow-up is closed;</li>
     * <li>FOLLOWING_UP: its follow-up is open (results confirmed, follow-up process running);</li>
     * <li>ASSESSING: it has assessment results, or it ended (end date before today) with trainees on its roster —
     * assessment, certificates, credits and make-up run until the follow-up opens;</li>
     * <li>RUNNING: it started (start date reached) with a final roster or enrollments;</li>
     * <li>ROSTERING: its roster is open, or final and waiting for the start date (mandates and quotas);</li>
     * <li>APPROVED: approved or recorded, dispatch not yet planned.</li>
     * </ol>
     */
    static final String SQL = """
            CASE
              WHEN k.status = 'REJECTED' THEN 'REJECTED'
              WHEN k.status IN ('FILED', 'RETURNED', 'UNDER_REVIEW') THEN 'FILED'
              WHEN k.status = 'CLOSED'
                   OR EXISTS (SELECT 1 FROM follow_up fs WHERE fs.class_id = k.id AND fs.status = 'CLOSED') THEN 'CLOSED'
              WHEN EXISTS (SELECT 1 FROM follow_up fs WHERE fs.class_id = k.id) THEN 'FOLLOWING_UP'
              WHEN EXISTS (SELECT 1 FROM assessment_result rs WHERE rs.class_id = k.id)
                   OR (k.end_date < :today AND EXISTS (SELECT 1 FROM enrollment es WHERE es.class_id = k.id)) THEN 'ASSESSING'
              WHEN k.start_date <= :today
                   AND (EXISTS (SELECT 1 FROM enrollment es WHERE es.class_id = k.id)
                        OR EXISTS (SELECT 1 FROM class_roster cs WHERE cs.class_id = k.id AND cs.status = 'FINAL')) THEN 'RUNNING'
              WHEN EXISTS (SELECT 1 FROM class_roster cs WHERE cs.class_id = k.id) THEN 'ROSTERING'
              ELSE 'APPROVED'
            END""";

    /** ORDER BY expression putting stages in their life order (for sorting a list by stage). */
    static final String ORDER_SQL = Arrays.stream(values())
            .map(s -> "WHEN '" + s.name() + "' THEN " + s.ordinal())
            .reduce("CASE stage ", (a, b) -> a + b + " ") + "END";

    private final String label;

    ClassStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stage named by a filter value, or 400 listing the stages. */
    static ClassStage parse(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("stage", "班次阶段只能是 " + String.join("、",
                        Arrays.stream(values()).map(s -> s.name() + "（" + s.label + "）").toList()) + "：" + value));
    }
}
