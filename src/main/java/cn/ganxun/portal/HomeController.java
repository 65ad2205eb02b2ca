package cn.ganxun.portal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.portal.HomeFigures.Figures;
import cn.ganxun.portal.MyTasks.TaskPage;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/portal/home")
@Tag(name = "门户首页", description = "登录后的首页：本人的待办任务（逾期在前，可直接进入 Tasklist 办理）和本角色关注的数字")
class HomeController {

    private final MyTasks tasks;
    private final HomeFigures figures;
    private final CurrentUser currentUser;

    HomeController(MyTasks tasks, HomeFigures figures, CurrentUser currentUser) {
        this.tasks = tasks;
        this.figures = figures;
        this.currentUser = currentUser;
    }

    @GetMapping("/tasks")
    @Operation(summary = "我的待办", description = "分配给本人、或本人及本人所在组（含 unit-hr-单位代码、institution-机构代码）为候选的未完成任务；"
            + "逾期在前，再按到期时间（无到期时间的在后）、创建时间排序；每个任务的 id 即 Tasklist 链接参数")
    TaskPage tasks(@Parameter(description = "页码，从 0 开始") @RequestParam(required = false) String page,
            @Parameter(description = "每页条数，1–200，默认 20") @RequestParam(required = false) String size) {
        MyTasks.Paging paging = MyTasks.paging(page, size);
        return tasks.page(currentUser.get(), paging.page(), paging.size());
    }

    @GetMapping("/figures")
    @Operation(summary = "本角色关注的数字", description = "每项含名称、数值和背后清单的门户链接：组织部（待审批申报、逾期调训）、审批人（待审批、逾期）、"
            + "培训机构（本机构各状态培训班、待办研讨会）、单位组织人事部门（红黄绿灯、待报名调训、新收到的结果反馈）、学员（本年学时、灯、学分）、"
            + "跟踪问效小组（待回访、逾期回访）、管理者（概况和驾驶舱链接）")
    Figures figures() {
        return figures.of(currentUser.get());
    }
}
