package cn.ganxun.delegates.quotamandate;

import static cn.ganxun.dispatch.QuotaMandateProcess.Vars.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.QuotaService;

/**
 * On creation of each quota task: the allocation's summary and, for the picker, the unit's cadres with their
 * coverage lights and hours (task-local: they exist only while the form is open).
 */
@Component
class QuotaNominationFormListener implements TaskListener {

    private final QuotaService quotas;

    QuotaNominationFormListener(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public void notify(DelegateTask task) {
        long allocationId = (Long) task.getVariable(ALLOCATION_ID);
        task.setVariableLocal(QUOTA_SUMMARY, quotas.summary(allocationId));
        List<Map<String, String>> options = quotas.candidates(allocationId).stream()
                .map(c -> Map.of("label", c.label(), "value", String.valueOf(c.cadreId())))
                .toList();
        task.setVariableLocal(CANDIDATE_OPTIONS, SpinValues.jsonValue(Spin.JSON(options).toString()).create());
    }
}
