package cn.ganxun.coverage;

import java.time.Period;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.ganxun.platform.EngineClock;

/**
 * The settings {@code coverage-watch.bpmn} reads by expression ({@code ${coverageWatchSchedule.cycle}},
 * {@code ${coverageWatchSchedule.proposalDue()}}):
 * <ul>
 * <li>{@code ganxun.coverage-watch.cycle}: when the watch runs, a Camunda time cycle — a cron expression (default
 * {@code 0 0 6 1 * ?}, the first of every month at 06:00) or an ISO 8601 repeating interval such as {@code R/P1M}.
 * The engine reads it again each time the timer fires ({@code reevaluate-time-cycle-when-due}), so a changed setting
 * holds from the run after the next.</li>
 * <li>{@code ganxun.coverage-watch.proposal-within}: the org department's proposal task is due this long after the run
 * (default {@code P14D}).</li>
 * <li>{@code ganxun.coverage-watch.red-per-unit}: how many red-light cadres per unit the task lists (default 5; the
 * full list is {@code GET /api/coverage/cadres?light=RED}).</li>
 * </ul>
 */
@Component("coverageWatchSchedule")
public class CoverageWatchSchedule {

    private final String cycle;
    private final Period proposalWithin;
    private final int redPerUnit;

    CoverageWatchSchedule(@Value("${ganxun.coverage-watch.cycle:0 0 6 1 * ?}") String cycle,
            @Value("${ganxun.coverage-watch.proposal-within:P14D}") Period proposalWithin,
            @Value("${ganxun.coverage-watch.red-per-unit:5}") int redPerUnit) {
        if (cycle.isBlank()) {
            throw new IllegalArgumentException("ganxun.coverage-watch.cycle must be a cron expression or R/<duration>");
        }
        if (proposalWithin.isNegative() || proposalWithin.isZero()) {
            throw new IllegalArgumentException("ganxun.coverage-watch.proposal-within must be positive, e.g. P14D");
        }
        if (redPerUnit < 1) {
            throw new IllegalArgumentException("ganxun.coverage-watch.red-per-unit must be at least 1");
        }
        this.cycle = cycle.strip();
        this.proposalWithin = proposalWithin;
        this.redPerUnit = redPerUnit;
    }

    public String getCycle() {
        return cycle;
    }

    /** The due date of a proposal task created now. */
    public Date proposalDue() {
        return EngineClock.toDate(EngineClock.now().plus(proposalWithin));
    }

    int redPerUnit() {
        return redPerUnit;
    }
}
