package cn.ganxun.assessment;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the assessment ({@code ganxun.assessment.*}).
 *
 * @param completionShare   a trainee completes the class when attended sessions / sessions is at least this share
 *                          (sessions whose current mark is ABSENT or ON_LEAVE are not attended; unmarked ones are)
 * @param absenceDeduction  points the attendance aspect loses per session marked ABSENT
 * @param lateDeduction     points the attendance aspect loses per session marked LATE
 * @param leaveDeduction    points the attendance aspect loses per session marked ON_LEAVE (approved leave)
 * @param excellentShare    R20: the share of the class (rounded up) that may be excellent-trainee candidates
 */
@ConfigurationProperties(prefix = "ganxun.assessment")
public record AssessmentProperties(@DefaultValue("0.8") BigDecimal completionShare,
        @DefaultValue("3") BigDecimal absenceDeduction, @DefaultValue("1") BigDecimal lateDeduction,
        @DefaultValue("0") BigDecimal leaveDeduction, @DefaultValue("0.15") BigDecimal excellentShare) {

    public AssessmentProperties {
        if (completionShare.signum() < 0 || completionShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ganxun.assessment.completion-share must be between 0 and 1");
        }
        if (excellentShare.signum() < 0 || excellentShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ganxun.assessment.excellent-share must be between 0 and 1");
        }
    }
}
