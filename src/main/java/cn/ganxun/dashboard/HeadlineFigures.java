package cn.ganxun.dashboard;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * The dashboard's headline counts for other pages (the portal home), so a figure means the same wherever it is shown:
 * the same statements as the dashboard's approvals (R13) and unanswered-mandates (R8, R9) figures, without filters.
 */
@Service
public class HeadlineFigures {

    private static final DashboardFilter EVERYTHING = new DashboardFilter(null, null, null);

    private final ApprovalFigures approvals;
    private final MandateFigures mandates;

    HeadlineFigures(ApprovalFigures approvals, MandateFigures mandates) {
        this.approvals = approvals;
        this.mandates = mandates;
    }

    /** How many are open, and how many of those are past their due date or deadline. */
    public record Due(long open, long overdue) {
    }

    /** Class filings waiting for the approver, and those past the review's due date. */
    public Due approvals() {
        ApprovalFigures.Figure figure = approvals.figure(EVERYTHING);
        return new Due(figure.pending(), figure.overdue());
    }

    /** Quota allocations and named mandates still unanswered in open rosters, of the given units (empty = all). */
    public Due unansweredMandates(Optional<Set<Long>> units) {
        MandateFigures.Figure figure = mandates.figure(EVERYTHING, units);
        return new Due(figure.pastDeadline() + figure.beforeDeadline(), figure.pastDeadline());
    }
}
