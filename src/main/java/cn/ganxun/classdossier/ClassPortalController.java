package cn.ganxun.classdossier;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The portal's class pages: classes by stage, the class list, and the sections of one class's page. */
@RestController
@RequestMapping("/api/portal/classes")
@Tag(name = "门户：班次", description = "按阶段统计班次、班次列表、班次档案（申报、名单、考勤、考核、证书、跟踪与反馈）和流程图")
class ClassPortalController {

    private final ClassListService list;
    private final ClassDossierService dossier;
    private final ClassDiagramService diagrams;
    private final CurrentUser currentUser;

    ClassPortalController(ClassListService list, ClassDossierService dossier, ClassDiagramService diagrams,
            CurrentUser currentUser) {
        this.list = list;
        this.dossier = dossier;
        this.diagrams = diagrams;
        this.currentUser = currentUser;
    }

    @GetMapping("/stages")
    @Operation(summary = "按阶段统计班次", description = "申报审批中、已批准待调训、调训中、在训、考核中、训后跟踪、已结束、未批准；零也列出")
    Map<String, List<ClassListService.StageCount>> stages(@RequestParam(required = false) String year,
            @RequestParam(required = false) String institutionId, @RequestParam(required = false) String unitId) {
        return Map.of("stages", list.stages(currentUser.get(), new ClassListService.Request(year, institutionId, unitId, null)));
    }

    @GetMapping
    @Operation(summary = "班次列表", description = "按年度、机构、单位（有该单位学员的班次）、阶段和关键词筛选；服务端分页排序，sort=字段或-字段")
    ClassListService.Page classes(@RequestParam(required = false) String year,
            @RequestParam(required = false) String institutionId, @RequestParam(required = false) String unitId,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String q,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort) {
        return list.list(currentUser.get(), new ClassListService.Request(year, institutionId, unitId, q), stage, page, size,
                sort);
    }

    @GetMapping("/{id}")
    @Operation(summary = "班次申报信息", description = "申报数据、课程与各类课时占比、申报规则检查结果、审批记录、班级工作人员和当前阶段")
    ClassDossierService.Filing filing(@PathVariable long id) {
        return dossier.filing(currentUser.get(), id);
    }

    @GetMapping("/{id}/roster")
    @Operation(summary = "参训名单与调训状态", description = "点名调训、名额分配及其状态，推荐与报名；单位用户只看到本单位学员")
    ClassDossierService.Roster roster(@PathVariable long id) {
        return dossier.roster(currentUser.get(), id);
    }

    @GetMapping("/{id}/attendance")
    @Operation(summary = "考勤表", description = "教学场次 × 学员的当前考勤标记（R16）")
    ClassDossierService.Attendance attendance(@PathVariable long id) {
        return dossier.attendance(currentUser.get(), id);
    }

    @GetMapping("/{id}/assessment")
    @Operation(summary = "考核结果与结业证书", description = "各评价方得分、总评、等次、名次（R18–R20）和证书编号与有效状态（R21）")
    ClassDossierService.Assessment assessment(@PathVariable long id) {
        return dossier.assessment(currentUser.get(), id);
    }

    @GetMapping("/{id}/follow-up")
    @Operation(summary = "训后跟踪与结果反馈", description = "座谈会、学习心得、走访、半年报告、总体评价（R24–R29）和结果反馈送达（R30）")
    ClassDossierService.FollowUpSection followUp(@PathVariable long id) {
        return dossier.followUp(currentUser.get(), id);
    }

    @GetMapping("/{id}/diagram")
    @Operation(summary = "班次流程图", description = "培训班全周期（批准前为办班申报）流程的 BPMN、当前活动和正在调用的子流程")
    ClassDiagramService.Diagram diagram(@PathVariable long id) {
        return diagrams.diagram(currentUser.get(), id);
    }
}
