package cn.ganxun.delegates.quotamandate;

import static cn.ganxun.dispatch.QuotaMandateProcess.Vars.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.FormValues;
import cn.ganxun.dispatch.QuotaService;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.CurrentUser;

/**
 * On completion of the nomination: records the picked cadres. A refusal (wrong count, another unit's cadre, a
 * blocking rule) rolls the completion back and Tasklist shows the rule and the conflicting class.
 */
@Component
class RecordNominationsListener implements TaskListener {

    private final QuotaService quotas;
    private final CurrentUser currentUser;

    RecordNominationsListener(QuotaService quotas, CurrentUser currentUser) {
        this.quotas = quotas;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean needsOverride = quotas.nominate((Long) task.getVariable(ALLOCATION_ID),
                cadreIds(task.getVariable(NOMINEE_IDS)), currentUser.of(ActingUser.of(task)));
        task.getExecution().setVariable(NEEDS_OVERRIDE, needsOverride);
        task.getExecution().removeVariable(NOMINEE_IDS);
    }

    private static List<Long> cadreIds(Object value) {
        List<Long> ids = new ArrayList<>();
        FormValues.strings(value, NOMINEE_IDS).forEach(element -> ids.add(parse(element)));
        return ids;
    }

    private static Long parse(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(NOMINEE_IDS, "推荐人员取值无效：" + value);
        }
    }
}
