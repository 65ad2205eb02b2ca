package cn.ganxun.delegates.appointmentlinkage;

import static cn.ganxun.linkage.AppointmentLinkageProcess.Vars.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.delegates.ProcessVariables;
import cn.ganxun.linkage.PromotionService;

/** 登记晋升 (R1, R32): stores the promotion of the start form or the API and keeps its id; business key = cadre number. */
@Component
class RegisterPromotionDelegate implements JavaDelegate {

    private final PromotionService promotions;

    RegisterPromotionDelegate(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cadreNumber = ProcessVariables.text(execution, CADRE_NUMBER);
        long id = promotions.register(cadreNumber, ProcessVariables.text(execution, TO_RANK), ProcessVariables.text(execution, POST),
                LinkageVars.date(execution, EFFECTIVE_ON, "晋升生效日期"), ProcessVariables.text(execution, NOTE),
                ActingUser.of(execution), execution.getProcessInstanceId());
        var promotion = promotions.find(id);
        execution.setProcessBusinessKey(promotion.cadreNumber());
        execution.setVariable(PROMOTION_ID, id);
        execution.setVariable(CADRE_ID, promotion.cadreId());
        execution.removeVariables(List.of(CADRE_NUMBER, TO_RANK, POST, EFFECTIVE_ON, NOTE));
    }
}
