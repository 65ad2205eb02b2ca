package cn.ganxun.delegates.trainingclass;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.TrainingClassProcess.Vars;
import cn.ganxun.makeup.MakeUpService;

/** Shows the class's make-up list on the placement form. */
@Component
class MakeUpFormListener implements TaskListener {

    private final MakeUpService makeUp;

    MakeUpFormListener(MakeUpService makeUp) {
        this.makeUp = makeUp;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(Vars.MAKE_UP_SUMMARY, makeUp.summary((Long) task.getVariable(Vars.CLASS_ID)));
    }
}
