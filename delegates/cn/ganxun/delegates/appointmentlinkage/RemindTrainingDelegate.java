package cn.ganxun.delegates.appointmentlinkage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.linkage.PromotionService;

/** 提醒参加任职培训 (R32): once, by mail through the outbox, to the cadre's unit HR and the org department. */
@Component
class RemindTrainingDelegate implements JavaDelegate {

    private final PromotionService promotions;

    RemindTrainingDelegate(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        promotions.remind(LinkageVars.promotionId(execution));
    }
}
