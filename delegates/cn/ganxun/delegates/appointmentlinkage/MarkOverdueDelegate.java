package cn.ganxun.delegates.appointmentlinkage;

import static cn.ganxun.linkage.AppointmentLinkageProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.linkage.PromotionService;

/** 标记未按期任职培训 (R32): the window closed without training; the org department's task gets its due date. */
@Component
class MarkOverdueDelegate implements JavaDelegate {

    private final PromotionService promotions;

    MarkOverdueDelegate(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DECISION_DUE_AT, promotions.markOverdue(LinkageVars.promotionId(execution)));
    }
}
