package cn.ganxun.coverage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.coverage.CoverageViews.CadreCoverage;
import cn.ganxun.coverage.CoverageViews.CoveragePage;
import cn.ganxun.coverage.CoverageViews.CoverageSummary;
import cn.ganxun.platform.CsvWriter;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/coverage")
@Tag(name = "应训预警", description = "近5年红黄绿灯、应训学时、参训率和合格率（R4–R7）；组织部门、审批人和管理者可看全部单位，"
        + "单位组织人事部门只能看本单位及下级单位")
class CoverageController {

    private static final String AS_OF = "统计日期 yyyy-MM-dd，默认今天；统计近5年即 (asOf − 5年, asOf]";
    private static final String UNIT = "单位 id";
    private static final String SUB_UNITS = "是否包含下级单位，默认 true";
    private static final String RANK = "职级（代码或中文，如 COUNTY_DEPUTY 或 县处级副职）";
    private static final String CATEGORY = "类别（代码或中文，如 YOUNG_CADRE 或 年轻干部）";
    private static final String LIGHT = "灯：RED / YELLOW / GREEN（或 红灯 / 黄灯 / 绿灯）";
    private static final String SORT = "排序：字段[,asc|desc]，字段可为 light、shortfall、totalHours、partyHours、cadreNumber、name、rank、unit";
    private static final String GROUP_BY = "分组：unit（单位）、rank（职级）或 category（类别）";

    private final CoverageReport report;
    private final CoverageWatchService watch;
    private final CurrentUser currentUser;

    CoverageController(CoverageReport report, CoverageWatchService watch, CurrentUser currentUser) {
        this.report = report;
        this.watch = watch;
        this.currentUser = currentUser;
    }

    @GetMapping("/cadres/{id}")
    @Operation(summary = "查看干部的灯", description = "某日近5年的红黄绿灯、党的理论和党性教育学时、累计学时、应训学时和原因（R5、R6）；干部本人也可查看")
    CadreCoverage cadre(@PathVariable long id, @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        return report.cadre(id, CoverageQuery.asOf(asOf), currentUser.get());
    }

    @GetMapping("/cadres")
    @Operation(summary = "应训名单", description = "在职干部的灯、学时和原因，分页，服务端排序（默认红灯在前，学时少的在前）")
    CoveragePage list(@Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = UNIT) @RequestParam(required = false) String unitId,
            @Parameter(description = SUB_UNITS) @RequestParam(defaultValue = "true") String subUnits,
            @Parameter(description = RANK) @RequestParam(required = false) String rank,
            @Parameter(description = CATEGORY) @RequestParam(required = false) String category,
            @Parameter(description = LIGHT) @RequestParam(required = false) String light,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") String page,
            @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "20") String size,
            @Parameter(description = SORT) @RequestParam(defaultValue = "light") String sort) {
        return report.page(CoverageQuery.of(asOf, unitId, subUnits, rank, category, light, page, size, sort), currentUser.get());
    }

    @GetMapping("/cadres.csv")
    @Operation(summary = "导出应训名单（CSV）", description = "条件同应训名单，不分页；UTF-8（带 BOM，Excel 可直接打开）")
    void exportList(@RequestParam(required = false) String asOf, @RequestParam(required = false) String unitId,
            @RequestParam(defaultValue = "true") String subUnits, @RequestParam(required = false) String rank,
            @RequestParam(required = false) String category, @RequestParam(required = false) String light,
            @Parameter(description = SORT) @RequestParam(defaultValue = "light") String sort,
            HttpServletResponse response) throws IOException {
        CoverageQuery query = CoverageQuery.of(asOf, unitId, subUnits, rank, category, light, "0", "1", sort);
        report.exportList(query, currentUser.get(), () -> csv(response, "应训名单-" + query.asOf() + ".csv"));
    }

    @GetMapping("/summary")
    @Operation(summary = "应训统计", description = "按单位、职级或类别：在职干部数、红黄绿灯人数、参训率和合格率（R7）。参训 = 近5年有结业（COMPLETED）"
            + "或未完成（INCOMPLETE）的培训；合格 = 参训者近5年的培训均已结业且无不合格等次")
    CoverageSummary summary(@Parameter(description = GROUP_BY) @RequestParam(defaultValue = "unit") String groupBy,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = UNIT) @RequestParam(required = false) String unitId,
            @Parameter(description = SUB_UNITS) @RequestParam(defaultValue = "true") String subUnits,
            @Parameter(description = RANK) @RequestParam(required = false) String rank,
            @Parameter(description = CATEGORY) @RequestParam(required = false) String category) {
        return report.summary(CoverageQuery.of(asOf, unitId, subUnits, rank, category, null, "0", "1", "light"),
                CoverageQuery.groupBy(groupBy), currentUser.get());
    }

    @GetMapping("/summary.csv")
    @Operation(summary = "导出应训统计（CSV）", description = "条件同应训统计；UTF-8（带 BOM），最后一行为合计")
    void exportSummary(@RequestParam(defaultValue = "unit") String groupBy, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String unitId, @RequestParam(defaultValue = "true") String subUnits,
            @RequestParam(required = false) String rank, @RequestParam(required = false) String category,
            HttpServletResponse response) throws IOException {
        CoverageQuery query = CoverageQuery.of(asOf, unitId, subUnits, rank, category, null, "0", "1", "light");
        report.exportSummary(query, CoverageQuery.groupBy(groupBy), currentUser.get(),
                () -> csv(response, "应训统计-" + query.asOf() + ".csv"));
    }

    @Schema(description = "发起应训预警")
    record RunRequest(@Schema(description = "统计日期，默认今天") LocalDate asOf,
            @Schema(description = "只统计该单位及其下级单位；空为全部单位") Long unitId) {
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "立即发起应训预警", description = "不等周期，马上计算红黄绿灯、向各单位发送名单并生成组织部的点名调训建议任务；仅组织部干教科")
    Map<String, String> start(@RequestBody(required = false) RunRequest request) {
        RunRequest body = request == null ? new RunRequest(null, null) : request;
        return Map.of("processInstanceId", watch.start(body.asOf(), body.unitId(), currentUser.get()));
    }

    private static OutputStream csv(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(CsvWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        return response.getOutputStream();
    }
}
