package cn.ganxun.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.ganxun.security.AuthorizationMatrix.Grant;

/**
 * Creates Camunda groups, users and authorizations. Every method is idempotent (safe on each start and on two
 * nodes starting at once): it creates what is missing, adds missing permissions and never removes anything an
 * administrator granted by hand in Camunda Admin.
 */
@Service
public class IdentityProvisioning {

    /** Shared Tasklist filter created here, next to the starter's {@code camunda.bpm.filter.create} filter. */
    static final String CLAIMABLE_FILTER = "待认领任务";

    private static final Logger log = LoggerFactory.getLogger(IdentityProvisioning.class);
    private static final String WORKFLOW = org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;

    /** Group names from DOMAIN.md's actor table, in the order of {@link Groups#ROLES}. */
    private static final Map<String, String> ROLE_NAMES = roleNames();

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final String starterFilterName;

    IdentityProvisioning(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService,
            @Value("${camunda.bpm.filter.create:}") String starterFilterName) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.starterFilterName = starterFilterName;
    }

    /** Role groups, their authorizations and the shared task filters (run on every start). */
    void provisionRoles() {
        ROLE_NAMES.forEach(this::ensureGroup);
        AuthorizationMatrix.grants().forEach(this::ensureGrant);
        List<Filter> filters = sharedFilters();
        for (Filter filter : filters) {
            for (String role : Groups.ROLES) {
                ensureGrant(new Grant(role, Resources.FILTER, filter.getId(), Permissions.READ));
            }
        }
        log.info("Identity provisioning: {} role groups, {} grants, task filters {} readable by all roles",
                ROLE_NAMES.size(), AuthorizationMatrix.grants().size(), filters.stream().map(Filter::getName).toList());
    }

    /** The candidate group of one unit's HR staff, e.g. {@code unit-hr-cd01} "市委办公室组织人事部门". */
    public String ensureUnitGroup(String unitCode, String unitName) {
        String groupId = Groups.unitHr(unitCode);
        ensureGroup(groupId, unitName + "组织人事部门");
        return groupId;
    }

    /** The candidate group of one institution's staff, e.g. {@code institution-dx01} "市委党校". */
    public String ensureInstitutionGroup(String institutionCode, String institutionName) {
        String groupId = Groups.institution(institutionCode);
        ensureGroup(groupId, institutionName);
        return groupId;
    }

    /**
     * Creates the user if absent (Camunda hashes the password) and adds the missing group memberships. An existing
     * user keeps name, e-mail and password.
     *
     * @return whether the user was created
     */
    public boolean ensureUser(String userId, String lastName, String firstName, String email, String password,
            Collection<String> groupIds) {
        boolean created = false;
        if (!userExists(userId)) {
            User user = identityService.newUser(userId);
            user.setLastName(lastName);
            user.setFirstName(firstName);
            user.setEmail(email);
            user.setPassword(password);
            created = createTolerantly(() -> identityService.saveUser(user), () -> userExists(userId));
        }
        for (String groupId : groupIds) {
            if (identityService.createGroupQuery().groupId(groupId).groupMember(userId).count() == 0) {
                createTolerantly(() -> identityService.createMembership(userId, groupId),
                        () -> identityService.createGroupQuery().groupId(groupId).groupMember(userId).count() > 0);
            }
        }
        return created;
    }

    private void ensureGroup(String groupId, String name) {
        Group existing = identityService.createGroupQuery().groupId(groupId).singleResult();
        if (existing == null) {
            Group group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType(WORKFLOW);
            createTolerantly(() -> identityService.saveGroup(group), () -> groupExists(groupId));
        } else if (!name.equals(existing.getName())) {
            existing.setName(name);
            identityService.saveGroup(existing);
        }
    }

    private void ensureGrant(Grant grant) {
        Authorization authorization = findGrant(grant.groupId(), grant.resource(), grant.resourceId());
        if (authorization == null) {
            Authorization created = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            created.setGroupId(grant.groupId());
            created.setResource(grant.resource());
            created.setResourceId(grant.resourceId());
            grant.permissions().forEach(created::addPermission);
            createTolerantly(() -> authorizationService.saveAuthorization(created),
                    () -> findGrant(grant.groupId(), grant.resource(), grant.resourceId()) != null);
            return;
        }
        List<Permission> missing = grant.permissions().stream()
                .filter(permission -> !authorization.isPermissionGranted(permission))
                .toList();
        if (!missing.isEmpty()) {
            missing.forEach(authorization::addPermission);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private Authorization findGrant(String groupId, Resource resource, String resourceId) {
        return authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
    }

    /** The starter's "all tasks" filter (if configured) and the claimable-tasks filter, created if absent. */
    private List<Filter> sharedFilters() {
        List<Filter> filters = new ArrayList<>();
        if (!starterFilterName.isBlank()) {
            filters.addAll(filterService.createTaskFilterQuery().filterName(starterFilterName).list());
        }
        Filter claimable = filterService.createTaskFilterQuery().filterName(CLAIMABLE_FILTER).singleResult();
        if (claimable == null) {
            // No expressions: enable-expressions-in-stored-queries is off. Authorization already limits the result
            // to tasks of the user's own candidate groups.
            claimable = filterService.newTaskFilter(CLAIMABLE_FILTER)
                    .setQuery(taskService.createTaskQuery().taskUnassigned().withCandidateGroups())
                    .setProperties(Map.of("description", "本人所在组可认领、尚未分配的任务", "priority", 10,
                            "refresh", true));
            filterService.saveFilter(claimable);
        }
        filters.add(claimable);
        return filters;
    }

    private boolean userExists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    private boolean groupExists(String groupId) {
        return identityService.createGroupQuery().groupId(groupId).count() > 0;
    }

    /**
     * Runs a create; if it fails because another node created the same row a moment earlier, that is success.
     *
     * @return whether this call created the row
     */
    private static boolean createTolerantly(Runnable create, BooleanSupplier existsNow) {
        try {
            create.run();
            return true;
        } catch (ProcessEngineException e) {
            if (existsNow.getAsBoolean()) {
                return false;
            }
            throw e;
        }
    }

    private static Map<String, String> roleNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(Groups.ORG_DEPT, "组织部干教科");
        names.put(Groups.ORG_DEPT_HEAD, "组织部负责人");
        names.put(Groups.APPROVER, "审批人（组织部领导）");
        names.put(Groups.INSTITUTION, "培训机构");
        names.put(Groups.CLASS_TEACHER, "班主任/组织员");
        names.put(Groups.LECTURER, "任课教师");
        names.put(Groups.LIAISON, "跟班联络员");
        names.put(Groups.UNIT_HR, "派出单位组织人事部门");
        names.put(Groups.UNIT_LEADER, "单位主要负责人");
        names.put(Groups.TRAINEE, "学员（干部）");
        names.put(Groups.FOLLOW_UP_TEAM, "跟踪问效小组");
        names.put(Groups.FOLLOW_UP_LEAD, "跟踪问效小组组长");
        names.put(Groups.MANAGER, "领导/管理者");
        if (!List.copyOf(names.keySet()).equals(Groups.ROLES)) {
            throw new IllegalStateException("each role in Groups.ROLES needs a Chinese group name here");
        }
        return Collections.unmodifiableMap(names);
    }
}
