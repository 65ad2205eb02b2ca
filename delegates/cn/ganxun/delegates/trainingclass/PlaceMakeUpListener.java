package cn.ganxun.delegates.trainingclass;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.TrainingClassProcess.Vars;
import cn.ganxun.delegates.ActingUser;
import cn.ganxun.makeup.MakeUpService;
import cn.ganxun.security.CurrentUser;

/** On completion of 安排补训: places the listed trainees; a refused line rolls the completion back. */
@Component
class PlaceMakeUpListener implements TaskListener {

    private final MakeUpService makeUp;
    private final CurrentUser currentUser;

    PlaceMakeUpListener(MakeUpService makeUp, CurrentUser currentUser) {
        this.makeUp = makeUp;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        makeUp.placeFromForm((Long) task.getVariable(Vars.CLASS_ID), (String) task.getVariable(Vars.PLACEMENTS),
                currentUser.of(ActingUser.of(task)));
        task.getExecution().removeVariable(Vars.PLACEMENTS);
    }
}
