package cn.ganxun.cadres;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.ganxun.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Units are no secret: every signed-in user may read them (institutions and unit HR need them too). */
@RestController
@RequestMapping("/api/units")
@Tag(name = "单位", description = "市直部门、区、乡镇（街道）")
class UnitController {

    private final UnitRepository units;

    UnitController(UnitRepository units) {
        this.units = units;
    }

    record UnitDetail(@JsonUnwrapped Unit unit, List<Unit> children) {
    }

    @GetMapping
    @Operation(summary = "列出全部单位", description = "平铺列表，按单位代码排序；parentId 指向上级单位（乡镇、街道的上级为所在区）")
    List<Unit> list() {
        return units.findAll();
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看单位及其下级单位")
    UnitDetail get(@PathVariable long id) {
        Unit unit = units.findById(id).orElseThrow(() -> new NotFoundException("单位不存在：" + id));
        return new UnitDetail(unit, units.children(id));
    }
}
