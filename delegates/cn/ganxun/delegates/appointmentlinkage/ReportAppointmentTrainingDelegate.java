package cn.ganxun.delegates.appointmentlinkage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.linkage.PromotionService;

/**
 * 通报任职培训完成 (training-class, after the credits completed the enrollments): each promotion watch for which this
 * class is the appointment training within the window gets its message (R32).
 */
@Component
class ReportAppointmentTrainingDelegate implements JavaDelegate {

    private final PromotionService promotions;

    ReportAppointmentTrainingDelegate(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        promotions.reportCompletions((Long) execution.getVariable(TrainingClassProcess.Vars.CLASS_ID));
    }
}
