package cn.ganxun.delegates.trainingclass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.TrainingClassProcess.Vars;
import cn.ganxun.credits.CreditService;

/** 登记学分和学时 (R22, R3, R3a). */
@Component
class PostCreditsDelegate implements JavaDelegate {

    private final CreditService credits;

    PostCreditsDelegate(CreditService credits) {
        this.credits = credits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        credits.postForClass((Long) execution.getVariable(Vars.CLASS_ID));
    }
}
