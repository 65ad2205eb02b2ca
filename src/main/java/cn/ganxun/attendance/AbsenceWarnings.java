package cn.ganxun.attendance;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.notification.MailOutbox;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/**
 * R16: a trainee absent from {@code ganxun.attendance.absence-warning-sessions} sessions or more of a class is
 * reported to the class's class teachers and the trainee's unit HR (unit HR e-mail and members of the unit's HR
 * group), once per (class, trainee): the outbox key is the pair. Runs after the recording committed; a mail failure
 * is logged and the next recording for the trainee tries again.
 */
@Component
class AbsenceWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(AbsenceWarnings.class);

    /** Published by {@link AttendanceService} after writing marks of these trainees. */
    record AttendanceRecorded(long classId, List<Long> cadreIds) {
    }

    private final AttendanceService attendance;
    private final ClassStaff staff;
    private final ClassFilingService classes;
    private final Directory directory;
    private final MailOutbox outbox;
    private final JdbcClient jdbc;
    private final int threshold;

    AbsenceWarnings(AttendanceService attendance, ClassStaff staff, ClassFilingService classes, Directory directory,
            MailOutbox outbox, JdbcClient jdbc, @Value("${ganxun.attendance.absence-warning-sessions:2}") int threshold) {
        this.attendance = attendance;
        this.staff = staff;
        this.classes = classes;
        this.directory = directory;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.threshold = threshold;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onRecorded(AttendanceRecorded event) {
        for (Long cadreId : event.cadreIds()) {
            try {
                warnIfAbsentTooOften(event.classId(), cadreId);
            } catch (RuntimeException e) {
                LOG.warn("absence warning for class {} cadre {} not sent yet: {}", event.classId(), cadreId, e.toString());
            }
        }
    }

    /** @return how many warning mails went out now */
    int warnIfAbsentTooOften(long classId, long cadreId) {
        int absences = attendance.absences(classId, cadreId);
        if (absences < threshold) {
            return 0;
        }
        TrainingClass c = classes.find(classId);
        record Trainee(String number, String name, String unitCode, String unitName, String hrEmail) {
        }
        Trainee t = jdbc.sql("""
                SELECT c.cadre_number, c.name, u.code, u.name AS unit_name, u.hr_email FROM cadre c
                  JOIN unit u ON u.id = c.unit_id WHERE c.id = ?""").param(cadreId)
                .query((rs, n) -> new Trainee(rs.getString("cadre_number"), rs.getString("name"), rs.getString("code"),
                        rs.getString("unit_name"), rs.getString("hr_email")))
                .single();
        List<String> recipients = new ArrayList<>();
        staff.classTeacherIds(classId).forEach(user -> directory.emailOf(user).ifPresent(recipients::add));
        recipients.addAll(directory.emailsOfGroup(Groups.unitHr(t.unitCode())));
        if (t.hrEmail() != null) {
            recipients.add(t.hrEmail());
        }
        String body = "您好：\n\n" + t.unitName() + " " + t.name() + "（" + t.number() + "）在" + c.title() + "（"
                + c.classNumber() + "，" + c.startDate() + " 至 " + c.endDate() + "）已缺勤 " + absences
                + " 个教学场次，达到预警线（" + threshold + " 个场次，R16）。请班主任与所在单位督促其按时参训。\n\n干训系统";
        return outbox.send("absence-warning:" + classId + ":" + cadreId, recipients,
                "【缺勤预警】" + t.name() + " " + c.title(), body);
    }
}
