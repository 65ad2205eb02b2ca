package cn.ganxun.delegates.appointmentlinkage;

import static cn.ganxun.linkage.AppointmentLinkageProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.linkage.Promotion;
import cn.ganxun.linkage.PromotionService;
import cn.ganxun.linkage.PromotionStatus;

/**
 * On completion of 处理未按期任职培训 (R32): records the decision (checked again on the server; a refusal rolls the
 * completion back with the reason) and leaves its code for the gateway.
 */
@Component
class RecordOverdueDecisionListener implements TaskListener {

    private final PromotionService promotions;

    RecordOverdueDecisionListener(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public void notify(DelegateTask task) {
        Promotion decided = promotions.decide(LinkageVars.promotionId(task), ProcessVariables.text(task, OVERDUE_DECISION),
                LinkageVars.date(task, PROBATION_ENDS_ON, "试用期截止日期"), ProcessVariables.text(task, DECISION_REASON),
                ActingUser.of(task));
        task.getExecution().setVariable(OVERDUE_DECISION, decided.status() == PromotionStatus.PROBATION_EXTENDED
                ? "EXTEND_PROBATION" : "SPECIAL_CIRCUMSTANCES");
    }
}
