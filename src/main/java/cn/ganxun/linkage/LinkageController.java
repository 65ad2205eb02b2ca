package cn.ganxun.linkage;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "训用结合", description = "晋升登记、任职培训一年期限跟踪和未按期培训的处理（R32）")
class LinkageController {

    private final PromotionService promotions;

    LinkageController(PromotionService promotions) {
        this.promotions = promotions;
    }

    @PostMapping("/promotions")
    @Operation(summary = "登记晋升", description = "仅组织部干教科。校验后启动 appointment-linkage（业务键 = 干部编号）：更新干部职级和职务、"
            + "记入变动记录，并跟踪一年内的任职培训（R32）。生效日期不能晚于今天")
    ResponseEntity<Promotion> register(@RequestBody(required = false) PromotionRequest request) {
        Promotion created = promotions.start(request);
        return ResponseEntity.created(URI.create("/api/promotions/" + created.id())).body(created);
    }

    @GetMapping("/promotions")
    @Operation(summary = "查询晋升登记", description = "仅组织部干教科；status 可为 WAITING、TRAINED、OVERDUE、PROBATION_EXTENDED、"
            + "SPECIAL_CIRCUMSTANCES")
    List<Promotion> list(@RequestParam(required = false) String status) {
        PromotionStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = PromotionStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("status", "状态 status 取值无效：" + status);
            }
        }
        return promotions.list(wanted);
    }

    @PutMapping("/classes/{id}/appointment-training")
    @Operation(summary = "认定任职培训", description = "仅组织部干教科：{\"recognised\": true|false}。班次类型为任职培训班的总是计为任职培训（R32）")
    Map<String, Object> recognise(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
        Object recognised = body == null ? null : body.get("recognised");
        if (!(recognised instanceof Boolean flag)) {
            throw InvalidInputException.of("recognised", "recognised 须为 true 或 false");
        }
        promotions.recogniseClass(id, flag);
        return Map.of("classId", id, "recognised", flag);
    }
}
