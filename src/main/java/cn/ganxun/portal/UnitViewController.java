package cn.ganxun.portal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.coverage.CoverageViews.CoveragePage;
import cn.ganxun.portal.UnitView.Feedback;
import cn.ganxun.portal.UnitView.Nominations;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/portal/units/{unitId}")
@Tag(name = "门户：单位视图", description = "本单位（含下级单位）的干部红黄绿灯和学时、待办调训、收到的结果反馈；单位组织人事部门只能看本单位，"
        + "组织部门、审批人、管理者可看任一单位")
class UnitViewController {

    private final UnitView units;
    private final CurrentUser currentUser;

    UnitViewController(UnitView units, CurrentUser currentUser) {
        this.units = units;
        this.currentUser = currentUser;
    }

    @GetMapping("/cadres")
    @Operation(summary = "本单位干部", description = "在职干部的灯、学时和原因（即应训名单，R5、R6），分页，服务端排序（sort = 字段 或 -字段）")
    CoveragePage cadres(@PathVariable long unitId, @RequestParam(required = false) String rank,
            @RequestParam(required = false) String category,
            @Parameter(description = "灯：RED / YELLOW / GREEN") @RequestParam(required = false) String light,
            @Parameter(description = "页码，从 0 开始") @RequestParam(required = false) String page,
            @Parameter(description = "每页条数，1–200") @RequestParam(required = false) String size,
            @Parameter(description = "排序：light、shortfall、totalHours、partyHours、cadreNumber、name、rank、unit，前加 - 为降序")
            @RequestParam(required = false) String sort) {
        return units.cadres(currentUser.get(), unitId, rank, category, light, page, size, sort);
    }

    @GetMapping("/nominations")
    @Operation(summary = "本单位待办调训", description = "尚未报名的调训名额（席位、截止时间，R9）和待单位确认或待审批替换的点名调训（R8）")
    Nominations nominations(@PathVariable long unitId) {
        return units.nominations(currentUser.get(), unitId);
    }

    @GetMapping("/feedback")
    @Operation(summary = "本单位收到的结果反馈", description = "发给本单位的结果反馈报告（R30）、送达情况和 PDF 链接；组织部门、管理者和本单位组织人事部门")
    Feedback feedback(@PathVariable long unitId) {
        return units.feedback(currentUser.get(), unitId);
    }
}
