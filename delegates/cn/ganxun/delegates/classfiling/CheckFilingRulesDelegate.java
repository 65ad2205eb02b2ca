package cn.ganxun.delegates.classfiling;

import static cn.ganxun.classes.ClassFilingProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.FilingCheck;
import cn.ganxun.platform.EngineClock;

/** 核验办班规则: applies filing-rules.dmn (R13, R15) and sets the route, lateness and review dates. */
@Component
class CheckFilingRulesDelegate implements JavaDelegate {

    private final ClassFilingService filings;

    CheckFilingRulesDelegate(ClassFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FilingCheck check = filings.checkRules((Long) execution.getVariable(CLASS_ID));
        execution.setVariable(FILING_OUTCOME, check.outcome().name());
        execution.setVariable(LATE_FILING, check.lateFiling());
        execution.setVariable(REVIEW_DUE_DATE, EngineClock.toDate(check.reviewDue()));
        execution.setVariable(REVIEW_REMINDER_DATE, EngineClock.toDate(check.reviewReminder()));
    }
}
