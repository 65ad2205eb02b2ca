package cn.ganxun.classes;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.ganxun.institutions.InstitutionRepository;
import cn.ganxun.notification.MailOutbox;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/**
 * E-mails of the filing process: the decision to the institution, the reminder to approvers before the
 * review is due, the escalation to the org department head when it is overdue. Each goes through the outbox
 * under a key, so a retried job does not send twice.
 */
@Service
public class FilingNotifications {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int ESCALATED_PRIORITY = 90;

    private final ClassFilingService filings;
    private final TrainingClassRepository classes;
    private final InstitutionRepository institutions;
    private final TaskService taskService;
    private final Directory directory;
    private final MailOutbox outbox;

    FilingNotifications(ClassFilingService filings, TrainingClassRepository classes, InstitutionRepository institutions,
            TaskService taskService, Directory directory, MailOutbox outbox) {
        this.filings = filings;
        this.classes = classes;
        this.institutions = institutions;
        this.taskService = taskService;
        this.directory = directory;
        this.outbox = outbox;
    }

    /** Tells the institution (its contact address and the person who filed) where its filing stands. */
    public int notifyInstitution(long classId) {
        TrainingClass c = filings.find(classId);
        List<String> recipients = new ArrayList<>();
        institutions.findById(c.institutionId()).map(i -> i.contactEmail()).ifPresent(recipients::add);
        directory.emailOf(c.filedBy()).ifPresent(recipients::add);
        List<StatusChange> history = classes.history(classId);
        StatusChange last = history.get(history.size() - 1);
        String subject = switch (c.status()) {
            case APPROVED -> "【办班申请已批准】";
            case RECORDED -> "【办班备案已登记】";
            case REJECTED -> "【办班申请未获批准】";
            case RETURNED -> "【办班申请退回修改】";
            default -> "【办班申请状态更新】";
        } + c.title();
        StringBuilder body = new StringBuilder();
        body.append("您好：\n\n").append(c.institutionName()).append("申报的“").append(c.title()).append("”（编号 ")
                .append(c.classNumber()).append("，").append(c.startDate()).append(" 至 ").append(c.endDate())
                .append("）当前状态：").append(c.status().label()).append("。\n");
        if (last.remark() != null) {
            body.append("\n意见：").append(last.remark()).append('\n');
        }
        if (last.overrideReason() != null) {
            body.append("特批理由：").append(last.overrideReason()).append('\n');
        }
        if (c.status() == ClassStatus.RETURNED) {
            body.append("\n请登录干训系统任务列表，在“修改办班申报”任务中修改后重新提交。\n");
        }
        body.append("\n决定人：").append(last.actor()).append("，时间：").append(last.at().format(TIME)).append("\n\n干训系统");
        String key = "filing-decision:" + classId + ":" + c.revision() + ":" + c.status();
        return outbox.send(key, recipients, subject, body.toString());
    }

    /** Reminds the approvers (or the one who claimed it) that a review is due soon. */
    public int remindApprovers(long classId, String processInstanceId) {
        Task task = reviewTask(processInstanceId);
        if (task == null) {
            return 0;
        }
        TrainingClass c = filings.find(classId);
        List<String> recipients = task.getAssignee() != null
                ? directory.emailOf(task.getAssignee()).stream().toList()
                : directory.emailsOfGroup(Groups.APPROVER);
        String body = "您好：\n\n" + c.institutionName() + "申报的“" + c.title() + "”（编号 " + c.classNumber()
                + "）等待您审批，办理期限为 " + format(task.getDueDate()) + "，请及时登录干训系统任务列表办理。\n\n干训系统";
        return outbox.send("filing-review-reminder:" + task.getId(), recipients, "【审批提醒】" + c.title(), body);
    }

    /**
     * The review is overdue: the org department head becomes a candidate of the task (it shows in their
     * Tasklist, with high priority) and gets an e-mail.
     */
    public int escalate(long classId, String processInstanceId) {
        Task task = reviewTask(processInstanceId);
        if (task == null) {
            return 0;
        }
        TrainingClass c = filings.find(classId);
        boolean alreadyCandidate = taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> Groups.ORG_DEPT_HEAD.equals(link.getGroupId()));
        if (!alreadyCandidate) {
            taskService.addCandidateGroup(task.getId(), Groups.ORG_DEPT_HEAD);
        }
        taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
        String body = "您好：\n\n" + c.institutionName() + "申报的“" + c.title() + "”（编号 " + c.classNumber()
                + "）审批已超过办理期限（" + format(task.getDueDate()) + "），"
                + (task.getAssignee() != null ? "当前由 " + task.getAssignee() + " 办理" : "尚无人认领")
                + "。该任务已出现在您的任务列表中，请督办或直接审批。\n\n干训系统";
        return outbox.send("filing-review-escalation:" + task.getId(), directory.emailsOfGroup(Groups.ORG_DEPT_HEAD),
                "【审批超期督办】" + c.title(), body);
    }

    private Task reviewTask(String processInstanceId) {
        return taskService.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(ClassFilingProcess.Elements.TASK_REVIEW_FILING)
                .singleResult();
    }

    private static String format(java.util.Date date) {
        return date == null ? "未设定"
                : LocalDateTime.ofInstant(date.toInstant(), java.time.ZoneId.systemDefault()).format(TIME);
    }
}
