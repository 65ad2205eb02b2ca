package cn.ganxun.linkage;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.ganxun.cadres.CadreEventKind;
import cn.ganxun.cadres.CadreEventRecorded;

/** R32: a promotion recorded in the registry starts its appointment-training watch (inside the recording transaction). */
@Component
class RecordedPromotionListener {

    private final PromotionService promotions;

    RecordedPromotionListener(PromotionService promotions) {
        this.promotions = promotions;
    }

    @EventListener
    void on(CadreEventRecorded event) {
        if (event.kind() == CadreEventKind.PROMOTION) {
            promotions.watchRecorded(event.cadreId(), event.effectiveOn());
        }
    }
}
