package cn.ganxun.delegates.quotamandate;

import static cn.ganxun.dispatch.QuotaMandateProcess.Vars.*;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.QuotaAllocation;
import cn.ganxun.dispatch.QuotaService;
import cn.ganxun.dispatch.RosterService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;

/** 准备名额推荐: the unit's candidate group, the deadline and the reminder time of this allocation. */
@Component
class PrepareQuotaDelegate implements JavaDelegate {

    private final QuotaService quotas;
    private final RosterService roster;
    private final Duration reminderBeforeDeadline;

    PrepareQuotaDelegate(QuotaService quotas, RosterService roster,
            @Value("${ganxun.dispatch.reminder-before-deadline}") Duration reminderBeforeDeadline) {
        this.quotas = quotas;
        this.roster = roster;
        this.reminderBeforeDeadline = reminderBeforeDeadline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QuotaAllocation allocation = quotas.find((Long) execution.getVariable(ALLOCATION_ID));
        execution.setVariable(UNIT_HR_GROUP, Groups.unitHr(allocation.unitCode()));
        execution.setVariable(QUOTA_DEADLINE, EngineClock.toDate(allocation.deadline()));
        execution.setVariable(QUOTA_REMINDER_DATE, EngineClock.toDate(allocation.deadline().minus(reminderBeforeDeadline)));
        execution.setVariable(REVIEW_NOMINATIONS, roster.reviewsNominations(allocation.classId()));
    }
}
