package cn.ganxun.delegates.trainingclass;

import static cn.ganxun.classes.TrainingClassProcess.Vars.*;

import java.time.LocalTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.dispatch.RosterService;
import cn.ganxun.platform.EngineClock;

/** 确定参训名单: writes the enrollments (R3a) once every mandate and allocation is settled; sets when the class ends. */
@Component
class FinaliseRosterDelegate implements JavaDelegate {

    /** The assessment starts when the last teaching day is over. */
    private static final LocalTime CLASS_DAY_ENDS = LocalTime.of(18, 0);

    private final RosterService roster;
    private final ClassFilingService classes;

    FinaliseRosterDelegate(RosterService roster, ClassFilingService classes) {
        this.roster = roster;
        this.classes = classes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long classId = (Long) execution.getVariable(CLASS_ID);
        execution.setVariable(ENROLLED_COUNT, roster.finalise(classId));
        execution.setVariable(CLASS_ENDS_AT, EngineClock.toDate(classes.find(classId).endDate().atTime(CLASS_DAY_ENDS)));
    }
}
