package cn.ganxun.delegates.appointmentlinkage;

import static cn.ganxun.linkage.AppointmentLinkageProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.linkage.PromotionService;

/** 记录任职培训 (R32): the promotion's appointment training is done. */
@Component
class RecordTrainingDelegate implements JavaDelegate {

    private final PromotionService promotions;

    RecordTrainingDelegate(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        promotions.recordTraining(LinkageVars.promotionId(execution),
                ((Number) execution.getVariable(TRAINED_CLASS_ID)).longValue());
    }
}
