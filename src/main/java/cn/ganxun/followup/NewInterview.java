package cn.ganxun.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An interview to log on a unit visit (R27) with indicator scores by source (R29). */
public record NewInterview(LocalDate heldOn, InterviewMethod method, Set<Interviewee> interviewees, String findings,
        List<NewIndicatorScore> scores) {
}
