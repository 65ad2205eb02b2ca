package cn.ganxun.delegates.coveragewatch;

import static cn.ganxun.coverage.CoverageWatchProcess.Vars.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.coverage.CoverageWatchService;
import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;

/**
 * 计算红黄绿灯 (R4–R6): one run over the active cadres (of the optional {@code scopeUnitId} tree) as of {@code asOf}
 * (default today); writes the run id, the number of red cadres and the units to warn (JSON list), and names the
 * instance after its run (business key {@code coverage-run-<id>}).
 */
@Component
class ComputeLightsDelegate implements JavaDelegate {

    private final CoverageWatchService watch;

    ComputeLightsDelegate(CoverageWatchService watch) {
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object scope = execution.getVariable(SCOPE_UNIT_ID);
        CoverageWatchService.Run run = watch.compute(asOf((String) execution.getVariable(AS_OF)),
                scope == null ? null : ((Number) scope).longValue(), ActingUser.of(execution),
                execution.getProcessInstanceId());
        execution.setVariable(RUN_ID, run.id());
        execution.setVariable(RED_COUNT, run.red());
        execution.setVariable(WARNED_UNIT_IDS, ProcessVariables.jsonIds(run.warnedUnitIds()));
        execution.setProcessBusinessKey("coverage-run-" + run.id());
    }

    private static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return EngineClock.today();
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(AS_OF, "统计日期格式应为 yyyy-MM-dd：" + value);
        }
    }
}
