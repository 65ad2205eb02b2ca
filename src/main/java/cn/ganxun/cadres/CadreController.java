package cn.ganxun.cadres;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.ganxun.cadres.CadreImport.ImportResult;
import cn.ganxun.cadres.CadreViews.CadreDetail;
import cn.ganxun.cadres.CadreViews.CadrePage;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/cadres")
@Tag(name = "干部信息", description = "干部基本信息、变动记录和培训经历（R1、R2、R3a）")
class CadreController {

    private final CadreDirectory directory;
    private final LifeEvents lifeEvents;
    private final CadreImport cadreImport;
    private final CurrentUser currentUser;

    CadreController(CadreDirectory directory, LifeEvents lifeEvents, CadreImport cadreImport, CurrentUser currentUser) {
        this.directory = directory;
        this.lifeEvents = lifeEvents;
        this.cadreImport = cadreImport;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "查询干部", description = "组织部门可查全部单位；单位组织人事部门只能查本单位及下级单位的干部")
    CadrePage search(
            @Parameter(description = "姓名或干部编号的片段") @RequestParam(required = false) String q,
            @Parameter(description = "单位 id") @RequestParam(required = false) String unitId,
            @Parameter(description = "是否包含下级单位") @RequestParam(defaultValue = "false") String subUnits,
            @Parameter(description = "职级（代码或中文，如 COUNTY_PRINCIPAL 或 县处级正职）") @RequestParam(required = false) String rank,
            @Parameter(description = "类别（代码或中文，如 YOUNG_CADRE 或 年轻干部）") @RequestParam(required = false) String category,
            @Parameter(description = "状态：ACTIVE（在职）或 RETIRED（已退休）") @RequestParam(required = false) String status,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") String page,
            @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "20") String size,
            @Parameter(description = "排序：字段[,asc|desc]，字段可为 cadreNumber、name、rank、category、unit、birthDate、hiredOn、status")
            @RequestParam(defaultValue = "cadreNumber") String sort) {
        return directory.search(CadreQuery.of(q, unitId, subUnits, rank, category, status, page, size, sort),
                currentUser.get());
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看干部", description = "基本信息、变动记录和历次培训（班次、日期、学时、学分、等次）")
    CadreDetail get(@PathVariable long id) {
        return directory.detail(id, currentUser.get());
    }

    @PostMapping("/{id}/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记干部变动", description = "晋升、调动或退休；仅组织部干教科可登记。返回更新后的干部信息")
    CadreDetail recordEvent(@PathVariable long id, @Valid @RequestBody LifeEventRequest request) {
        lifeEvents.record(id, request, currentUser.get());
        return directory.detail(id, currentUser.get());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入干部信息（CSV）", description = "UTF-8 编码，第1行为表头：" + CadreImport.HEADER
            + "。职级、类别、性别、学历可填中文；按干部编号幂等：相同的行不变，变化的行更新，新干部自动登记入职。"
            + "有问题的行被拒绝并给出行号和原因，其余行照常导入。仅组织部干教科可导入")
    ImportResult importCsv(@Parameter(description = "CSV 文件") @RequestParam(name = "file", required = false)
            MultipartFile file) throws IOException {
        return cadreImport.importCsv(file == null ? null : file.getBytes(), currentUser.get());
    }
}
