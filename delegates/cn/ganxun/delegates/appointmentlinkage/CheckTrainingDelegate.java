package cn.ganxun.delegates.appointmentlinkage;

import static cn.ganxun.linkage.AppointmentLinkageProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.linkage.PromotionService;

/** 核查任职培训 (R32): the window's timers, and whether an appointment training within it is completed already. */
@Component
class CheckTrainingDelegate implements JavaDelegate {

    private final PromotionService promotions;

    CheckTrainingDelegate(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromotionService.Watch watch = promotions.watch(LinkageVars.promotionId(execution));
        execution.setVariable(REMINDER_AT, watch.reminderAt());
        execution.setVariable(WINDOW_CLOSES_AT, watch.windowClosesAt());
        execution.setVariable(APPOINTMENT_TRAINED, watch.trainedClassId() != null);
        if (watch.trainedClassId() != null) {
            execution.setVariable(TRAINED_CLASS_ID, watch.trainedClassId());
        }
    }
}
