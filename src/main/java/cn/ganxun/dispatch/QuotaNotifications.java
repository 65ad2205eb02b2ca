package cn.ganxun.dispatch;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.notification.MailOutbox;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/** E-mails to a unit's HR about its seats: the notice when allocated and the reminder before the deadline. */
@Service
public class QuotaNotifications {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final QuotaService quotas;
    private final ClassFilingService classes;
    private final UnitRepository units;
    private final Directory directory;
    private final MailOutbox outbox;

    QuotaNotifications(QuotaService quotas, ClassFilingService classes, UnitRepository units, Directory directory,
            MailOutbox outbox) {
        this.quotas = quotas;
        this.classes = classes;
        this.units = units;
        this.directory = directory;
        this.outbox = outbox;
    }

    public int notifyUnit(long allocationId) {
        QuotaAllocation a = quotas.find(allocationId);
        return send("quota-notice:" + allocationId + ":" + a.deadline(), a, "【调训名额】");
    }

    public int remindUnit(long allocationId) {
        QuotaAllocation a = quotas.find(allocationId);
        return send("quota-reminder:" + allocationId + ":" + a.deadline(), a, "【推荐即将截止】");
    }

    private int send(String key, QuotaAllocation a, String prefix) {
        TrainingClass c = classes.find(a.classId());
        List<String> recipients = new ArrayList<>(directory.emailsOfGroup(Groups.unitHr(a.unitCode())));
        units.findById(a.unitId()).map(u -> u.hrEmail()).ifPresent(recipients::add);
        String body = "您好：\n\n" + c.title() + "（" + c.classNumber() + "，" + c.startDate() + " 至 " + c.endDate()
                + "）分配给" + a.unitName() + " " + a.seats() + " 个名额，请于 " + a.deadline().format(TIME)
                + " 前登录干训系统任务列表，在“推荐参训人员”任务中从本单位干部中推荐恰好 " + a.seatsOpen()
                + " 人（R9）。\n\n干训系统";
        return outbox.send(key, recipients, prefix + c.title(), body);
    }
}
