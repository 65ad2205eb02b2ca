package cn.ganxun.dispatch;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Dispatch through the REST API. Each call completes the same process task a Tasklist user would, as the
 * caller (engine authorization applies), so the API and the forms share one path and one set of checks.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "调训", description = "点名调训（R8）、名额分配调训（R9）与调训规则（R10）")
class DispatchController {

    private final TaskService taskService;
    private final ClassFilingService classes;
    private final RosterService roster;
    private final QuotaService quotas;
    private final CurrentUser currentUser;

    DispatchController(TaskService taskService, ClassFilingService classes, RosterService roster, QuotaService quotas,
            CurrentUser currentUser) {
        this.taskService = taskService;
        this.classes = classes;
        this.roster = roster;
        this.quotas = quotas;
        this.currentUser = currentUser;
    }

    @PostMapping("/classes/{classId}/roster")
    @Operation(summary = "安排调训", description = "组织部点名干部和/或分配单位名额，并确定报名截止时间")
    ResponseEntity<Map<String, Object>> planRoster(@PathVariable long classId, @RequestBody(required = false) RosterPlan plan) {
        currentUser.get().requireAnyGroup(Groups.ORG_DEPT);
        if (plan == null) {
            throw InvalidInputException.of("body", "请求体不能为空");
        }
        TrainingClass trainingClass = classes.find(classId);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(trainingClass.classNumber())
                .taskDefinitionKey(TrainingClassProcess.Elements.TASK_PLAN_DISPATCH).singleResult();
        if (task == null) {
            throw InvalidInputException.of("classId", "该班次当前不在调训安排阶段");
        }
        taskService.complete(task.getId(), roster.formVariables(plan));
        return ResponseEntity.ok(Map.of("classId", classId, "namedMandates", roster.namedMandateIds(classId),
                "quotaAllocations", roster.allocationIds(classId)));
    }

    @GetMapping("/quota-allocations/{allocationId}")
    @Operation(summary = "查看单位名额", description = "名额、截止时间和可推荐的本单位干部（红黄绿灯与近5年学时）")
    Map<String, Object> allocation(@PathVariable long allocationId) {
        QuotaAllocation allocation = visible(allocationId);
        return Map.of("allocation", allocation, "candidates", quotas.candidates(allocationId));
    }

    @PostMapping("/quota-allocations/{allocationId}/nominations")
    @Operation(summary = "推荐参训人员", description = "本单位组织人事部门推荐恰好等于名额数的本单位干部；按 R1、R9、R10 核验")
    Map<String, Object> nominate(@PathVariable long allocationId, @RequestBody(required = false) NominationRequest request) {
        visible(allocationId);
        if (request == null || request.cadreIds() == null) {
            throw InvalidInputException.of("cadreIds", "请提供推荐人员 cadreIds");
        }
        Task task = taskService.createTaskQuery()
                .processVariableValueEquals(QuotaMandateProcess.Vars.ALLOCATION_ID, allocationId)
                .taskDefinitionKey(QuotaMandateProcess.Elements.TASK_NOMINATE_CADRES).singleResult();
        if (task == null) {
            throw InvalidInputException.of("allocationId", "该单位名额当前不可推荐");
        }
        List<String> ids = request.cadreIds().stream().map(String::valueOf).toList();
        taskService.complete(task.getId(), Map.of(QuotaMandateProcess.Vars.NOMINEE_IDS,
                SpinValues.jsonValue(Spin.JSON(ids).toString()).create()));
        return Map.of("allocation", quotas.find(allocationId));
    }

    /** The allocation if the caller may see it: the org department, or HR of the allocation's own unit. */
    private QuotaAllocation visible(long allocationId) {
        Actor actor = currentUser.get();
        QuotaAllocation allocation = quotas.find(allocationId);
        boolean ownUnit = actor.groups().contains(Groups.UNIT_HR) && actor.unitId() != null
                && actor.unitId() == allocation.unitId();
        if (!ownUnit && !actor.inAnyGroup(Groups.ORG_DEPT)) {
            throw new AccessDeniedException("无权访问：该名额不属于您的单位");
        }
        return allocation;
    }

    record NominationRequest(List<Long> cadreIds) {
    }
}
