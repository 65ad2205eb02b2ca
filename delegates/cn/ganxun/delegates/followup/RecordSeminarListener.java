package cn.ganxun.delegates.followup;

import static cn.ganxun.followup.FollowUpProcess.Vars.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.NewSeminar;
import cn.ganxun.platform.InvalidInputException;

/** On completion of 举行训后座谈会 (R26): records the seminar; a refusal rolls the completion back with the reason. */
@Component
class RecordSeminarListener implements TaskListener {

    private final FollowUpService followUps;

    RecordSeminarListener(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void notify(DelegateTask task) {
        followUps.recordSeminar(FollowUpVars.followUpId(task), new NewSeminar(date(FollowUpVars.text(task, SEMINAR_HELD_ON)),
                FollowUpVars.text(task, SEMINAR_PLACE), FollowUpVars.text(task, SEMINAR_ATTENDEES),
                FollowUpVars.text(task, SEMINAR_MINUTES)), ActingUser.of(task));
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip().substring(0, Math.min(10, value.strip().length())));
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(SEMINAR_HELD_ON, "座谈会日期格式应为 yyyy-MM-dd：" + value);
        }
    }
}
