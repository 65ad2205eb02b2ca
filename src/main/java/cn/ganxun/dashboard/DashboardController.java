package cn.ganxun.dashboard;

import java.util.Optional;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.coverage.CoverageReport;
import cn.ganxun.coverage.CoverageViews.CoverageSummary;
import cn.ganxun.dashboard.ListRequest.ListPage;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The manager dashboard's read models (issue 7): one set-based statement per figure, each with its drill-down list
 * (paged and sorted on the server). Roles first (403), then the filters (400); unit HR and unit leaders get their
 * unit tree's figures and 403 for another unit.
 */
@RestController
@RequestMapping("/api/portal/dashboard")
@Tag(name = "管理看板", description = "应训覆盖、参训率和合格率、办班审批、调训响应、训后跟踪、发送失败和流程异常的统计及明细")
class DashboardController {

    private static final String YEAR = "年度（2000–2100）";
    private static final String UNIT = "单位 id（含下级单位）";
    private static final String INSTITUTION = "培训机构 id";
    private static final String PAGE = "页码，从 0 开始";
    private static final String SIZE = "每页条数，1–200，默认 20";
    private static final String SORT = "排序字段，前加 - 为降序";

    private final DashboardAccess access;
    private final CurrentUser currentUser;
    private final CoverageReport coverage;
    private final ApprovalFigures approvals;
    private final MandateFigures mandates;
    private final FollowUpFigures followUps;
    private final DeliveryFigures deliveries;
    private final IncidentFigures incidents;

    DashboardController(DashboardAccess access, CurrentUser currentUser, CoverageReport coverage,
            ApprovalFigures approvals, MandateFigures mandates, FollowUpFigures followUps, DeliveryFigures deliveries,
            IncidentFigures incidents) {
        this.access = access;
        this.currentUser = currentUser;
        this.coverage = coverage;
        this.approvals = approvals;
        this.mandates = mandates;
        this.followUps = followUps;
        this.deliveries = deliveries;
        this.incidents = incidents;
    }

    @GetMapping("/coverage")
    @Operation(summary = "应训覆盖与参训率、合格率", description = "按单位或职级：在职干部数、红黄绿灯人数（R5）、参训率和合格率（R7）；"
            + "年度 = 截至该年12月31日（本年为今天）的近5年。明细：GET /api/coverage/cadres")
    CoverageSummary coverage(@Parameter(description = "分组：unit（单位）或 rank（职级）") @RequestParam(defaultValue = "unit") String groupBy,
            @Parameter(description = YEAR) @RequestParam(required = false) String year,
            @Parameter(description = UNIT) @RequestParam(required = false) String unitId,
            @Parameter(description = "职级（代码或中文）") @RequestParam(required = false) String rank,
            @Parameter(description = "类别（代码或中文）") @RequestParam(required = false) String category) {
        Optional<Set<Long>> visible = access.visibleUnits(currentUser.get());
        DashboardFilter filter = DashboardFilter.of(year, unitId, null);
        return coverage.summary(filter.coverageAsOf(), unitId, rank, category, groupBy, visible);
    }

    @GetMapping("/approvals")
    @Operation(summary = "待审批的办班申报", description = "待审批数、已超过审批期限数，按已等待天数分段；申报不足30天即开班的（R13）和30天内开班仍待审批的")
    ApprovalFigures.Figure approvals(@Parameter(description = YEAR + "，按开班日期") @RequestParam(required = false) String year,
            @Parameter(description = INSTITUTION) @RequestParam(required = false) String institutionId) {
        access.requireAllUnits(currentUser.get());
        return approvals.figure(DashboardFilter.of(year, null, institutionId));
    }

    @GetMapping("/approvals/list")
    @Operation(summary = "待审批的办班申报明细", description = "班次、培训机构、申报时间、已等待天数、审批期限、是否超期、审批任务与流程实例")
    ListPage<ApprovalFigures.Row> approvalList(@RequestParam(required = false) String year,
            @RequestParam(required = false) String institutionId,
            @Parameter(description = "等待天数分段：D0_5、D6_10、D11_30、D31") @RequestParam(required = false) String band,
            @Parameter(description = "是否超期：true / false") @RequestParam(required = false) String overdue,
            @Parameter(description = PAGE) @RequestParam(required = false) String page,
            @Parameter(description = SIZE) @RequestParam(required = false) String size,
            @Parameter(description = SORT + "：filedAt、startDate、dueAt、classNumber") @RequestParam(required = false) String sort) {
        access.requireAllUnits(currentUser.get());
        DashboardFilter filter = DashboardFilter.of(year, null, institutionId);
        ApprovalFigures.AgeBand ageBand = DashboardFilter.choice(ApprovalFigures.AgeBand.values(),
                ApprovalFigures.AgeBand::label, band, "band", "等待天数分段");
        Boolean late = DashboardFilter.flag(overdue, "overdue", "是否超期");
        return approvals.list(filter, ageBand, late,
                ListRequest.of(page, size, sort, ApprovalFigures.sortColumns(), "filedAt", "class_id"));
    }

    @GetMapping("/mandates")
    @Operation(summary = "未响应的调训", description = "各单位尚未推荐的名额分配（R9）和尚未确认的点名调训（R8）：已过截止时间 / 未到截止时间")
    MandateFigures.Figure mandates(@Parameter(description = YEAR + "，按开班日期") @RequestParam(required = false) String year,
            @Parameter(description = UNIT) @RequestParam(required = false) String unitId,
            @Parameter(description = INSTITUTION) @RequestParam(required = false) String institutionId) {
        Optional<Set<Long>> visible = access.visibleUnits(currentUser.get());
        DashboardFilter filter = DashboardFilter.of(year, unitId, institutionId);
        return mandates.figure(filter, access.units(visible, filter.unitId()));
    }

    @GetMapping("/mandates/list")
    @Operation(summary = "未响应的调训明细", description = "类型、班次、单位、点名干部、名额、截止时间、是否已过截止时间")
    ListPage<MandateFigures.Row> mandateList(@RequestParam(required = false) String year,
            @RequestParam(required = false) String unitId, @RequestParam(required = false) String institutionId,
            @Parameter(description = "类型：QUOTA（名额分配）或 NAMED（点名调训）") @RequestParam(required = false) String kind,
            @Parameter(description = "是否已过截止时间：true / false") @RequestParam(required = false) String pastDeadline,
            @Parameter(description = PAGE) @RequestParam(required = false) String page,
            @Parameter(description = SIZE) @RequestParam(required = false) String size,
            @Parameter(description = SORT + "：deadline、unit、classNumber、kind") @RequestParam(required = false) String sort) {
        Optional<Set<Long>> visible = access.visibleUnits(currentUser.get());
        DashboardFilter filter = DashboardFilter.of(year, unitId, institutionId);
        MandateFigures.Kind mandateKind = DashboardFilter.choice(MandateFigures.Kind.values(), MandateFigures.Kind::label,
                kind, "kind", "类型");
        Boolean past = DashboardFilter.flag(pastDeadline, "pastDeadline", "是否已过截止时间");
        return mandates.list(filter, access.units(visible, filter.unitId()), mandateKind, past,
                ListRequest.of(page, size, sort, MandateFigures.sortColumns(), "deadline", "row_key"));
    }

    @GetMapping("/follow-up")
    @Operation(summary = "训后跟踪进度", description = "座谈会已举行 / 应举行、学习心得已提交 / 应提交、单位走访已完成 / 应完成，及逾期数（R26、R27）")
    FollowUpFigures.Figure followUp(@Parameter(description = YEAR + "，按结业日期") @RequestParam(required = false) String year,
            @Parameter(description = UNIT) @RequestParam(required = false) String unitId,
            @Parameter(description = INSTITUTION) @RequestParam(required = false) String institutionId) {
        Optional<Set<Long>> visible = access.visibleUnits(currentUser.get());
        DashboardFilter filter = DashboardFilter.of(year, unitId, institutionId);
        return followUps.figure(filter, access.units(visible, filter.unitId()));
    }

    @GetMapping("/follow-up/list")
    @Operation(summary = "训后跟踪进度明细", description = "每个班次：座谈会、学习心得、单位走访的完成数、总数和逾期数")
    ListPage<FollowUpFigures.Row> followUpList(@RequestParam(required = false) String year,
            @RequestParam(required = false) String unitId, @RequestParam(required = false) String institutionId,
            @Parameter(description = "是否有逾期：true / false") @RequestParam(required = false) String overdue,
            @Parameter(description = PAGE) @RequestParam(required = false) String page,
            @Parameter(description = SIZE) @RequestParam(required = false) String size,
            @Parameter(description = SORT + "：classNumber、classEnd、seminarDueOn、summariesOverdue、visitsOverdue")
            @RequestParam(required = false) String sort) {
        Optional<Set<Long>> visible = access.visibleUnits(currentUser.get());
        DashboardFilter filter = DashboardFilter.of(year, unitId, institutionId);
        Boolean late = DashboardFilter.flag(overdue, "overdue", "是否有逾期");
        return followUps.list(filter, access.units(visible, filter.unitId()), late,
                ListRequest.of(page, size, sort, FollowUpFigures.sortColumns(), "-classEnd", "follow_up_id"));
    }

    @GetMapping("/deliveries")
    @Operation(summary = "发送失败的邮件", description = "最后一次发送失败的邮件数，按邮件类型（如结果反馈 R30）；仅组织部门、管理者和系统管理员")
    DeliveryFigures.Figure deliveries() {
        access.requireOperations(currentUser.get());
        return deliveries.figure();
    }

    @GetMapping("/deliveries/list")
    @Operation(summary = "发送失败的邮件明细", description = "类型、收件人、主题、尝试次数、最后错误、最后尝试时间，结果反馈邮件附班次和单位")
    ListPage<DeliveryFigures.Row> deliveryList(@Parameter(description = "邮件类型，如 unit-feedback") @RequestParam(required = false) String kind,
            @Parameter(description = PAGE) @RequestParam(required = false) String page,
            @Parameter(description = SIZE) @RequestParam(required = false) String size,
            @Parameter(description = SORT + "：lastAttemptAt、kind、recipient、attempts") @RequestParam(required = false) String sort) {
        access.requireOperations(currentUser.get());
        return deliveries.list(kind, ListRequest.of(page, size, sort, DeliveryFigures.sortColumns(), "-lastAttemptAt", "id"));
    }

    @GetMapping("/incidents")
    @Operation(summary = "流程异常", description = "未解决的流程异常（incident），按流程和环节；仅组织部门、管理者和系统管理员")
    IncidentFigures.Figure incidents() {
        access.requireOperations(currentUser.get());
        return incidents.figure();
    }

    @GetMapping("/incidents/list")
    @Operation(summary = "流程异常明细", description = "类型、信息、发生时间、流程、环节、流程实例（可在 Cockpit 中打开）")
    ListPage<IncidentFigures.Row> incidentList(@Parameter(description = "流程标识，如 unit-feedback") @RequestParam(required = false) String processKey,
            @Parameter(description = "环节 id") @RequestParam(required = false) String activityId,
            @Parameter(description = PAGE) @RequestParam(required = false) String page,
            @Parameter(description = SIZE) @RequestParam(required = false) String size,
            @Parameter(description = SORT + "：createdAt、processKey、activityId") @RequestParam(required = false) String sort) {
        access.requireOperations(currentUser.get());
        return incidents.list(processKey, activityId,
                ListRequest.of(page, size, sort, IncidentFigures.sortColumns(), "-createdAt", "incident_id"));
    }
}
