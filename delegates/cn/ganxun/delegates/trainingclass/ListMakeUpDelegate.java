package cn.ganxun.delegates.trainingclass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.TrainingClassProcess.Vars;
import cn.ganxun.makeup.MakeUpService;

/** 列入补训名单 (R21): failed and incomplete trainees; how many of them still wait for a later class. */
@Component
class ListMakeUpDelegate implements JavaDelegate {

    private final MakeUpService makeUp;

    ListMakeUpDelegate(MakeUpService makeUp) {
        this.makeUp = makeUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long waiting = makeUp.listFor((Long) execution.getVariable(Vars.CLASS_ID)).stream().filter(e -> !e.placed()).count();
        execution.setVariable(Vars.MAKE_UP_COUNT, waiting);
    }
}
