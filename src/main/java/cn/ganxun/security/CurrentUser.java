package cn.ganxun.security;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the API caller (Spring Security) or, inside the engine, the user Camunda knows
 * (Tasklist). Unit and institution bindings come from {@code account_binding}.
 */
@Component
public class CurrentUser {

    private final IdentityService identityService;
    private final JdbcClient jdbc;

    CurrentUser(IdentityService identityService, JdbcClient jdbc) {
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    public Actor get() {
        org.springframework.security.core.Authentication spring = SecurityContextHolder.getContext().getAuthentication();
        if (spring != null && spring.isAuthenticated() && !"anonymousUser".equals(spring.getName())) {
            return actorOf(spring.getName(),
                    spring.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        }
        Authentication camunda = identityService.getCurrentAuthentication();
        if (camunda != null && camunda.getUserId() != null) {
            List<String> groups = camunda.getGroupIds() != null ? camunda.getGroupIds()
                    : identityService.createGroupQuery().groupMember(camunda.getUserId()).list().stream()
                            .map(g -> g.getId()).toList();
            return actorOf(camunda.getUserId(), groups);
        }
        throw new AccessDeniedException("未登录");
    }

    /** The actor for a user id known from the engine (e.g. a process initiator or a task assignee). */
    public Actor of(String userId) {
        return actorOf(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(g -> g.getId()).toList());
    }

    /** The accounts bound to a cadre (the trainee's own logins), by user id. */
    public List<String> accountsOf(long cadreId) {
        return jdbc.sql("SELECT user_id FROM account_binding WHERE cadre_id = ? ORDER BY user_id").param(cadreId)
                .query(String.class).list();
    }

    private Actor actorOf(String userId, List<String> groups) {
        Optional<Binding> binding = jdbc.sql("SELECT unit_id, institution_id, cadre_id FROM account_binding WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> new Binding((Long) rs.getObject("unit_id"), (Long) rs.getObject("institution_id"),
                        (Long) rs.getObject("cadre_id")))
                .optional();
        return new Actor(userId, List.copyOf(groups), binding.map(Binding::unitId).orElse(null),
                binding.map(Binding::institutionId).orElse(null), binding.map(Binding::cadreId).orElse(null));
    }

    private record Binding(Long unitId, Long institutionId, Long cadreId) {
    }
}
