package cn.ganxun.dispatch;

import java.time.LocalDateTime;

/** One entry of a named mandate's decision trail: what was decided about which cadre, by whom, when and why (R8). */
public record MandateDecision(Action action, long cadreId, String actor, String reason, Long substituteCadreId,
        LocalDateTime decidedAt) {

    public enum Action {
        /** The rule check found a breach no one may override (R1, R10 overlapping dates); the mandate is withdrawn. */
        RULES_BLOCKED("不符合调训规则"),
        /** The approver overrode a "generally" rule of R10 with a reason. */
        OVERRIDDEN("特批同意"),
        /** The approver refused to override; the mandate is withdrawn. */
        OVERRIDE_REFUSED("不予特批"),
        CONFIRMED_BY_UNIT("单位确认参训"),
        SUBSTITUTION_REQUESTED("单位申请替换"),
        SUBSTITUTION_APPROVED("同意替换"),
        SUBSTITUTION_REFUSED("不同意替换"),
        /** The cadre (or, without an account of their own, their unit's HR) acknowledged the notice. */
        ACKNOWLEDGED("确认参训通知");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
