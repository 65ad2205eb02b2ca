package cn.ganxun.portal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.AsApplication;

/**
 * The caller's open Camunda tasks for the portal home: assigned to them, or unassigned with them or one of their groups
 * (role groups and the per-unit / per-institution groups such as {@code unit-hr-cd01}) as candidate. Ordered overdue
 * first, then by due date (tasks without one last), then by creation; paged in the engine, never all loaded.
 *
 * <p>Tasks with a due date and tasks without one are two engine queries (the engine cannot order nulls last on every
 * database): a page takes what it needs from the first and continues in the second. The queries run with the caller's
 * Camunda authorizations (the engine grants the task's assignee and candidates READ on it); the process names and
 * business keys of the page's tasks are then read as the application (unit HR have no grants on definitions).
 */
@Service
class MyTasks {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;
    /** A due date no task has before: tasks due after it are the tasks with a due date. */
    private static final Date NO_DUE_DATE_BEFORE = new Date(0);

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final AsApplication asApplication;

    MyTasks(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
            AsApplication asApplication) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.asApplication = asApplication;
    }

    /** One open task as the home page lists it; {@code id} is what Tasklist's link takes. */
    record TaskLine(String id, String name, String processName, String processDefinitionKey, String businessKey,
            Date created, Date due, boolean overdue, int priority) {
    }

    record TaskPage(List<TaskLine> items, int page, int size, long total, long overdue) {
    }

    /** One page of the task list: {@code page} from 0, {@code size} 1–200. */
    record Paging(int page, int size) {
    }

    /** Validated paging of the task list: {@code page} from 0 (default 0), {@code size} 1–200 (default 20). */
    static Paging paging(String page, String size) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        int p = number(page, 0, "page", "页码", problems);
        int s = number(size, DEFAULT_SIZE, "size", "每页条数", problems);
        if (problems.isEmpty() && p < 0) {
            problems.add(new InvalidInputException.Problem("page", "页码 page 不能小于 0"));
        }
        if (problems.isEmpty() && (s < 1 || s > MAX_SIZE)) {
            problems.add(new InvalidInputException.Problem("size", "每页条数 size 须在 1 到 " + MAX_SIZE + " 之间"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Paging(p, s);
    }

    TaskPage page(Actor actor, int page, int size) {
        long withDue = mine(actor).dueAfter(NO_DUE_DATE_BEFORE).count();
        long withoutDue = mine(actor).withoutDueDate().count();
        long first = (long) page * size;
        List<Task> tasks = new ArrayList<>(size);
        if (first < withDue) {
            tasks.addAll(mine(actor).dueAfter(NO_DUE_DATE_BEFORE).orderByDueDate().asc().orderByTaskCreateTime().asc()
                    .orderByTaskId().asc().listPage((int) first, (int) Math.min(size, withDue - first)));
        }
        if (tasks.size() < size && first + tasks.size() < withDue + withoutDue) {
            int offset = (int) Math.max(0, first - withDue);
            tasks.addAll(mine(actor).withoutDueDate().orderByTaskCreateTime().asc().orderByTaskId().asc()
                    .listPage(offset, size - tasks.size()));
        }
        long overdue = overdueCount(actor);
        return new TaskPage(lines(tasks), page, size, withDue + withoutDue, overdue);
    }

    /** How many open tasks the caller has. */
    long count(Actor actor) {
        return mine(actor).count();
    }

    /** How many of the caller's open tasks are past their due date. */
    long overdueCount(Actor actor) {
        return mine(actor).dueBefore(EngineClock.toDate(EngineClock.now())).count();
    }

    private TaskQuery mine(Actor actor) {
        TaskQuery query = taskService.createTaskQuery().active().or().taskAssignee(actor.userId())
                .taskCandidateUser(actor.userId());
        if (!actor.groups().isEmpty()) {
            query.taskCandidateGroupIn(actor.groups());
        }
        return query.endOr();
    }

    private List<TaskLine> lines(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Set<String> definitionIds = tasks.stream().map(Task::getProcessDefinitionId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, ProcessDefinition> definitions = asApplication.call(() -> definitionIds.isEmpty() ? Map.of()
                : repositoryService.createProcessDefinitionQuery().processDefinitionIdIn(definitionIds.toArray(String[]::new))
                        .list().stream().collect(Collectors.toMap(ProcessDefinition::getId, Function.identity())));
        Map<String, String> businessKeys = asApplication.call(() -> instanceIds.isEmpty() ? Map.of()
                : runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .filter(pi -> pi.getBusinessKey() != null)
                        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey)));
        Date now = EngineClock.toDate(EngineClock.now());
        return tasks.stream().map(task -> {
            ProcessDefinition definition = task.getProcessDefinitionId() == null ? null
                    : definitions.get(task.getProcessDefinitionId());
            return new TaskLine(task.getId(), task.getName(),
                    definition == null ? null : definition.getName() != null ? definition.getName() : definition.getKey(),
                    definition == null ? null : definition.getKey(),
                    task.getProcessInstanceId() == null ? null : businessKeys.get(task.getProcessInstanceId()),
                    task.getCreateTime(), task.getDueDate(), task.getDueDate() != null && task.getDueDate().before(now),
                    task.getPriority());
        }).toList();
    }

    private static int number(String value, int fallback, String field, String label,
            List<InvalidInputException.Problem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.Problem(field, label + " " + field + " 须为整数：" + value));
            return fallback;
        }
    }
}
