package cn.ganxun.institutions;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/institutions")
@Tag(name = "培训机构")
class InstitutionController {

    private final InstitutionRepository institutions;

    InstitutionController(InstitutionRepository institutions) {
        this.institutions = institutions;
    }

    @GetMapping
    @Operation(summary = "列出培训机构")
    List<Institution> list() {
        return institutions.findAll();
    }
}
