package cn.ganxun.dispatch;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.dispatch.MandateDecision.Action;
import cn.ganxun.notification.MailOutbox;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/**
 * E-mails of a named mandate (R8): the notice to the cadre and the unit HR, the reminder before the unit's deadline,
 * and the report to the org department when the rules block the cadre. Keys name the mandate, the cadre and the
 * purpose, so a retried job never sends twice and a substitute gets a notice of their own.
 */
@Service
public class NamedMandateNotifications {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NamedMandateService mandates;
    private final ClassFilingService classes;
    private final UnitRepository units;
    private final Directory directory;
    private final MailOutbox outbox;

    NamedMandateNotifications(NamedMandateService mandates, ClassFilingService classes, UnitRepository units,
            Directory directory, MailOutbox outbox) {
        this.mandates = mandates;
        this.classes = classes;
        this.units = units;
        this.directory = directory;
        this.outbox = outbox;
    }

    /** Tells the named cadre (their own address and bound accounts) and their unit HR. */
    public int notifyCadreAndUnit(long mandateId) {
        NamedMandate m = mandates.find(mandateId);
        TrainingClass c = classes.find(m.classId());
        List<String> recipients = unitHr(m);
        if (m.cadreEmail() != null) {
            recipients.add(m.cadreEmail());
        }
        mandates.acknowledgingUsers(mandateId).forEach(user -> directory.emailOf(user).ifPresent(recipients::add));
        String body = "您好：\n\n组织部点名" + m.cadreLabel() + "（" + m.unitName() + "）参加" + describe(c)
                + "（点名调训，R8）。\n\n请" + m.unitName() + "组织人事部门于 " + m.deadline().format(TIME)
                + " 前登录干训系统任务列表，在“确认点名调训”任务中确认参训；如有特殊情况确需替换，须说明理由并经组织部审批同意。"
                + "\n\n干训系统";
        return outbox.send(key("notice", m), recipients, "【点名调训】" + c.title(), body);
    }

    /** Reminds the unit HR that the confirmation is due. */
    public int remindUnit(long mandateId) {
        NamedMandate m = mandates.find(mandateId);
        TrainingClass c = classes.find(m.classId());
        String body = "您好：\n\n" + m.cadreLabel() + "被点名参加" + describe(c) + "，请于 " + m.deadline().format(TIME)
                + " 前在干训系统任务列表“确认点名调训”任务中办理。\n\n干训系统";
        return outbox.send(key("reminder", m), unitHr(m), "【点名调训确认即将截止】" + c.title(), body);
    }

    /** Tells the org department that the rules block the named cadre and the mandate was withdrawn. */
    public int notifyOrgDeptOfBlock(long mandateId) {
        NamedMandate m = mandates.find(mandateId);
        TrainingClass c = classes.find(m.classId());
        String findings = mandates.decisions(mandateId).stream()
                .filter(d -> d.action() == Action.RULES_BLOCKED && d.cadreId() == m.cadreId())
                .map(MandateDecision::reason).reduce((first, last) -> last).orElse("");
        String body = "您好：\n\n" + m.cadreLabel() + "（" + m.unitName() + "）不符合调训规则，不能参加" + describe(c)
                + "，点名调训已撤销：\n\n" + findings + "\n\n如需另行点名，请在班次调训安排中处理。\n\n干训系统";
        return outbox.send(key("blocked", m), directory.emailsOfGroup(Groups.ORG_DEPT),
                "【点名调训不符合规则】" + m.cadreName() + " " + c.title(), body);
    }

    private List<String> unitHr(NamedMandate m) {
        List<String> recipients = new ArrayList<>(directory.emailsOfGroup(Groups.unitHr(m.unitCode())));
        units.findById(m.unitId()).map(u -> u.hrEmail()).ifPresent(recipients::add);
        return recipients;
    }

    private static String describe(TrainingClass c) {
        return c.title() + "（" + c.classNumber() + "，" + c.startDate() + " 至 " + c.endDate() + "）";
    }

    private static String key(String purpose, NamedMandate m) {
        return "named-mandate-" + purpose + ":" + m.id() + ":" + m.cadreId();
    }
}
