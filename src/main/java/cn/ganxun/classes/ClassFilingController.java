package cn.ganxun.classes;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "办班申报", description = "培训机构申报班次，组织部审批（R12–R15）")
class ClassFilingController {

    private static final int MAX_PAGE_SIZE = 200;

    private final ClassFilingService filings;

    ClassFilingController(ClassFilingService filings) {
        this.filings = filings;
    }

    @PostMapping("/class-filings")
    @Operation(summary = "申报班次", description = "校验后启动 class-filing 流程；返回新建的班次（状态取决于规则核验结果）")
    ResponseEntity<TrainingClass> file(@RequestBody(required = false) ClassFiling filing) {
        if (filing == null) {
            throw InvalidInputException.of("body", "请求体不能为空");
        }
        TrainingClass created = filings.submit(filing);
        return ResponseEntity.created(URI.create("/api/classes/" + created.id())).body(created);
    }

    @GetMapping("/classes")
    @Operation(summary = "查询班次", description = "培训机构只能看到本机构的班次")
    List<TrainingClass> search(@RequestParam(required = false) ClassStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidInputException.of("size", "分页参数无效：page ≥ 0，1 ≤ size ≤ " + MAX_PAGE_SIZE);
        }
        return filings.search(status, q, page, size);
    }

    @GetMapping("/classes/{id}")
    @Operation(summary = "查看班次", description = "申报数据、课程、规则核验结果和办理记录")
    ClassFilingView view(@PathVariable long id) {
        return filings.view(id);
    }
}
