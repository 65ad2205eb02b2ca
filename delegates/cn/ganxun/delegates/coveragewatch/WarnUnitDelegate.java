package cn.ganxun.delegates.coveragewatch;

import static cn.ganxun.coverage.CoverageWatchProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.coverage.CoverageWatchService;

/** 发送单位预警名单 (R7): one unit's red and yellow lists to its HR, after an async boundary; the outbox sends once. */
@Component
class WarnUnitDelegate implements JavaDelegate {

    private final CoverageWatchService watch;

    WarnUnitDelegate(CoverageWatchService watch) {
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        watch.warnUnit(((Number) execution.getVariable(RUN_ID)).longValue(),
                ((Number) execution.getVariable(UNIT_ID)).longValue());
    }
}
