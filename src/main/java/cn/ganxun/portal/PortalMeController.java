package cn.ganxun.portal;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who is signed in to the portal: the header, the navigation and every page's scope start from here. */
@RestController
@Tag(name = "门户")
class PortalMeController {

    private final CurrentUser currentUser;
    private final IdentityService identityService;
    private final JdbcClient jdbc;

    PortalMeController(CurrentUser currentUser, IdentityService identityService, JdbcClient jdbc) {
        this.currentUser = currentUser;
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    record Me(String userId, String displayName, List<String> groups, List<String> roles, boolean seesAllUnits,
            Long unitId, String unitCode, String unitName, Long institutionId, String institutionName, Long cadreId) {
    }

    @GetMapping("/api/portal/me")
    @Operation(summary = "当前登录用户：角色、所属单位或培训机构、绑定的干部")
    Me me() {
        Actor actor = currentUser.get();
        User user = identityService.createUserQuery().userId(actor.userId()).singleResult();
        String displayName = user == null ? actor.userId()
                : (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).strip();
        List<String> roles = Groups.ROLES.stream().filter(actor.groups()::contains).toList();
        Named unit = actor.unitId() == null ? null
                : jdbc.sql("SELECT code, name FROM unit WHERE id = ?").param(actor.unitId())
                        .query((rs, n) -> new Named(rs.getString("code"), rs.getString("name"))).single();
        String institutionName = actor.institutionId() == null ? null
                : jdbc.sql("SELECT name FROM institution WHERE id = ?").param(actor.institutionId())
                        .query(String.class).single();
        return new Me(actor.userId(), displayName.isEmpty() ? actor.userId() : displayName, actor.groups(), roles,
                actor.seesAllUnits(), actor.unitId(), unit == null ? null : unit.code(), unit == null ? null : unit.name(),
                actor.institutionId(), institutionName, actor.cadreId());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private record Named(String code, String name) {
    }
}
