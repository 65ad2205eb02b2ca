package cn.ganxun.delegates.trainingclass;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClassProcess.Vars;

/** Shows the class (data, curriculum, decision trail) on the seat-plan form. */
@Component
class RosterPlanFormListener implements TaskListener {

    private final ClassFilingService classes;

    RosterPlanFormListener(ClassFilingService classes) {
        this.classes = classes;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(Vars.CLASS_SUMMARY, classes.reviewSummary((Long) task.getVariable(Vars.CLASS_ID)));
    }
}
