package cn.ganxun.eligibility;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Eligibility answers of the training-use linkage (R31, R33). */
@RestController
@RequestMapping("/api/cadres/{cadreId}/eligibility")
@Tag(name = "训用结合", description = "评优和考察对象资格（R31、R33），附理由")
class EligibilityController {

    private final EligibilityService eligibility;
    private final CurrentUser currentUser;

    EligibilityController(EligibilityService eligibility, CurrentUser currentUser) {
        this.eligibility = eligibility;
        this.currentUser = currentUser;
    }

    @GetMapping("/excellent")
    @Operation(summary = "能否评为年度考核优秀（R31）", description = "该年度培训考核不合格或学分未达标的不能评为优秀。"
            + "组织部门、领导及干部所在单位组织人事部门")
    Eligibility excellent(@PathVariable long cadreId, @RequestParam(required = false) Integer year) {
        return eligibility.excellent(cadreId, year, currentUser.get());
    }

    @GetMapping("/inspection-candidate")
    @Operation(summary = "能否列为考察对象（R33）", description = "须在 asOf（默认今天）之前最近两个完整年度学分考核均达标")
    Eligibility inspectionCandidate(@PathVariable long cadreId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return eligibility.inspectionCandidate(cadreId, asOf, currentUser.get());
    }
}
