package cn.ganxun.archive;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "培训档案", description = "一人一档：历次培训、成长曲线、能力图谱、储备库（R3a、R34、R35），任免审批表和年度考核登记表的培训情况（R3）")
class ArchiveController {

    private final ArchiveService archives;
    private final CurrentUser currentUser;

    ArchiveController(ArchiveService archives, CurrentUser currentUser) {
        this.archives = archives;
        this.currentUser = currentUser;
    }

    @GetMapping("/cadres/{id}/archive")
    @Operation(summary = "干部培训档案", description = "组织部门、领导、本单位（及上级单位）组织人事部门和干部本人可查看")
    TrainingArchive archive(@PathVariable long id) {
        return archives.archive(id, currentUser.get());
    }

    @GetMapping("/cadres/{id}/forms/appointment-approval.pdf")
    @Operation(summary = "任免审批表培训情况（PDF）", description = "两个月及以上的脱产培训（R3）")
    ResponseEntity<byte[]> appointmentApproval(@PathVariable long id) {
        return pdf(archives.appointmentApprovalPdf(id, currentUser.get()), "appointment-approval-" + id + ".pdf");
    }

    @GetMapping("/cadres/{id}/forms/annual-appraisal.pdf")
    @Operation(summary = "年度考核登记表培训情况（PDF）", description = "当年结业的脱产培训（R3）；year 为考核年度")
    ResponseEntity<byte[]> annualAppraisal(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return pdf(archives.annualAppraisalPdf(id, year, currentUser.get()), "annual-appraisal-" + id + "-" + year + ".pdf");
    }

    @GetMapping("/ability-mapping")
    @Operation(summary = "能力图谱映射", description = "培训指标到德、能、勤、绩、廉的映射和权重（R34）；组织部门和领导可查看")
    List<AbilityMapping> mapping() {
        return archives.mapping(currentUser.get());
    }

    @PutMapping("/ability-mapping")
    @Operation(summary = "替换能力图谱映射", description = "仅组织部干教科；整表替换，source 为 CLASS_TEACHER、LECTURER、LIAISON、PEER "
            + "或 FOLLOW_UP，code 为评分项或跟踪问效指标代码")
    List<AbilityMapping> replaceMapping(@RequestBody(required = false) List<AbilityMapping> rows) {
        return archives.replaceMapping(rows, currentUser.get());
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(bytes);
    }
}
