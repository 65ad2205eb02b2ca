package cn.ganxun.delegates.classfiling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingProcess;
import cn.ganxun.classes.TrainingClassLifecycle;

/** 启动培训班流程: starts training-class with the class number as business key (once). */
@Component
class OpenTrainingClassDelegate implements JavaDelegate {

    private final TrainingClassLifecycle lifecycle;

    OpenTrainingClassDelegate(TrainingClassLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.open((Long) execution.getVariable(ClassFilingProcess.Vars.CLASS_ID));
    }
}
