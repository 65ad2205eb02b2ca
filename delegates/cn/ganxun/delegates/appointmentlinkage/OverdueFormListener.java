package cn.ganxun.delegates.appointmentlinkage;

import static cn.ganxun.linkage.AppointmentLinkageProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.linkage.PromotionService;

/** On creation of 处理未按期任职培训: the case as Markdown (task-local) and the cadre's name in the task's name. */
@Component
class OverdueFormListener implements TaskListener {

    private final PromotionService promotions;

    OverdueFormListener(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public void notify(DelegateTask task) {
        long promotionId = LinkageVars.promotionId(task);
        task.setName(task.getName() + "（" + promotions.find(promotionId).cadreName() + "）");
        task.setVariableLocal(FORM_INFO, promotions.overdueInfo(promotionId));
    }
}
