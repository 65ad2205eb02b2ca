package cn.ganxun.feedback;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The back-off of a failed report delivery, read by the model's {@code failedJobRetryTimeCycle}
 * ({@code ${unitFeedbackRetry.cycle}}): a comma list of waits, one per retry; when all are spent the job is an
 * incident. Property {@code ganxun.feedback.retry-cycle}, default {@code PT1M,PT5M,PT15M,PT1H,PT4H}.
 */
@Component("unitFeedbackRetry")
public class UnitFeedbackRetry {

    private final String cycle;

    UnitFeedbackRetry(@Value("${ganxun.feedback.retry-cycle:PT1M,PT5M,PT15M,PT1H,PT4H}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
