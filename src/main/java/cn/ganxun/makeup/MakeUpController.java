package cn.ganxun.makeup;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The make-up list for the org department and its placement of trainees in later classes. */
@RestController
@RequestMapping("/api/make-up")
@Tag(name = "补训", description = "未结业或不合格学员的补训安排（R21）")
class MakeUpController {

    private final MakeUpService makeUp;
    private final CurrentUser currentUser;

    MakeUpController(MakeUpService makeUp, CurrentUser currentUser) {
        this.makeUp = makeUp;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "补训名单", description = "组织部门；不带 classId 为待安排名单，带 classId 为该班次的全部补训记录")
    List<MakeUpEntry> list(@RequestParam(required = false) Long classId) {
        currentUser.get().requireAnyGroup(MakeUpService.PLACING_GROUP);
        return classId == null ? makeUp.pending() : makeUp.forClass(classId);
    }

    @PostMapping("/{id}/placement")
    @Operation(summary = "安排补训班次", description = "组织部门；补训班次须已批准或已备案，且在原班次结束后开班")
    MakeUpEntry place(@PathVariable long id, @RequestBody(required = false) Placement placement) {
        Actor actor = currentUser.get();
        actor.requireAnyGroup(MakeUpService.PLACING_GROUP);
        if (placement == null || placement.laterClassId() == null) {
            throw InvalidInputException.of("laterClassId", "请选择补训班次");
        }
        return makeUp.place(id, placement.laterClassId(), actor);
    }

    record Placement(Long laterClassId) {
    }
}
