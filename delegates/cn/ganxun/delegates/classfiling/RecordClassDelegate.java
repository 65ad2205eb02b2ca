package cn.ganxun.delegates.classfiling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingProcess;
import cn.ganxun.classes.ClassFilingService;

/** 登记备案: a class under 30 participants is recorded without approval (R13). */
@Component
class RecordClassDelegate implements JavaDelegate {

    private final ClassFilingService filings;

    RecordClassDelegate(ClassFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        filings.record((Long) execution.getVariable(ClassFilingProcess.Vars.CLASS_ID));
    }
}
