package cn.ganxun.followup;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.notification.MailOutbox;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/**
 * R27: unit visits still due on their due date escalate to the follow-up team lead: each is marked escalated, its open
 * task gets the lead's group ({@code follow-up-lead}) as a candidate group and high priority, so it tops the lead's
 * list, and the leads get one mail listing them (outbox key {@code follow-up-visits-overdue:{follow-up id}}: never
 * twice).
 */
@Service
public class VisitEscalation {

    static final int ESCALATED_PRIORITY = 80;

    private final UnitVisitService visits;
    private final FollowUpService followUps;
    private final TaskService taskService;
    private final Directory directory;
    private final MailOutbox outbox;

    VisitEscalation(UnitVisitService visits, FollowUpService followUps, TaskService taskService, Directory directory,
            MailOutbox outbox) {
        this.visits = visits;
        this.followUps = followUps;
        this.taskService = taskService;
        this.directory = directory;
        this.outbox = outbox;
    }

    /**
     * Escalates the overdue visits of the follow-up a {@code follow-up} instance works on.
     *
     * @return the visits escalated now (none when a retry finds them escalated already)
     */
    @Transactional
    public List<UnitVisit> escalateOverdue(String processInstanceId) {
        long followUpId = followUps.ofProcess(processInstanceId).id();
        List<UnitVisit> overdue = visits.visits(followUpId).stream()
                .filter(v -> v.status() == VisitStatus.DUE && v.escalatedAt() == null).toList();
        if (overdue.isEmpty()) {
            return overdue;
        }
        overdue.forEach(v -> visits.markEscalated(v.id()));
        List<Long> ids = overdue.stream().map(UnitVisit::id).toList();
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(FollowUpProcess.Elements.TASK_VISIT_UNIT).list()) {
            Object visitId = taskService.getVariable(task.getId(), FollowUpProcess.Vars.VISIT_ID);
            if (visitId instanceof Number n && ids.contains(n.longValue())) {
                taskService.addCandidateGroup(task.getId(), Groups.FOLLOW_UP_LEAD);
                taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
            }
        }
        FollowUp followUp = followUps.find(followUpId);
        outbox.send("follow-up-visits-overdue:" + followUpId, directory.emailsOfGroup(Groups.FOLLOW_UP_LEAD),
                "【走访逾期督办】" + followUp.classTitle() + " " + overdue.size() + " 名学员未按期走访",
                "跟踪问效小组组长：\n\n「" + followUp.classTitle() + "」（" + followUp.classNumber() + "）的单位走访应于 "
                        + followUp.visitsDueOn() + " 前完成（R27），以下 " + overdue.size() + " 名学员尚未走访：\n\n"
                        + overdue.stream().map(v -> "- " + v.cadreName() + "（" + v.unitName() + "）").collect(Collectors.joining("\n"))
                        + "\n\n相关走访任务已列入您的任务列表（高优先级），请督促落实。\n\n干训系统（自动发送，请勿直接回复）");
        return overdue;
    }
}
