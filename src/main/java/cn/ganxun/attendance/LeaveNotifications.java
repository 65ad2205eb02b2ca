package cn.ganxun.attendance;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.notification.MailOutbox;
import cn.ganxun.security.Directory;

/** E-mails to the trainee about their leave request: approved (report back at the end) or refused. */
@Service
public class LeaveNotifications {

    private final LeaveService leaves;
    private final ClassFilingService classes;
    private final Directory directory;
    private final MailOutbox outbox;
    private final JdbcClient jdbc;

    LeaveNotifications(LeaveService leaves, ClassFilingService classes, Directory directory, MailOutbox outbox,
            JdbcClient jdbc) {
        this.leaves = leaves;
        this.classes = classes;
        this.directory = directory;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** Tells the trainee the decision; once per request and outcome. */
    public int notifyTrainee(long leaveId) {
        LeaveRequest leave = leaves.find(leaveId);
        TrainingClass c = classes.find(leave.classId());
        List<String> recipients = new ArrayList<>();
        leaves.accountOf(leave.cadreId()).flatMap(directory::emailOf).ifPresent(recipients::add);
        jdbc.sql("SELECT email FROM cadre WHERE id = ?").param(leave.cadreId()).query(String.class).optional()
                .ifPresent(recipients::add);
        boolean approved = !"REFUSED".equals(leave.status());
        String period = leave.startsAt().format(LeaveService.TIME) + " 至 " + leave.endsAt().format(LeaveService.TIME);
        String body = "您好：\n\n您在" + c.title() + "（" + c.classNumber() + "）" + period + " 的请假申请"
                + (approved ? "已批准。请于假期结束时登录干训系统任务列表，在“销假”任务中销假；期间的教学场次将记为请假。"
                        : "未获批准。")
                + (leave.decisionNote() == null ? "" : "\n\n审批意见：\n" + leave.decisionNote())
                + "\n\n干训系统";
        return outbox.send("leave-decision:" + leaveId + ":" + (approved ? "APPROVED" : "REFUSED"), recipients,
                (approved ? "【请假已批准】" : "【请假未批准】") + c.title(), body);
    }
}
