package cn.ganxun.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

@GanxunTest
@AlsoOnPostgres
class IdentityProvisioningTest {

    @Autowired
    IdentityProvisioning provisioning;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    @Test
    void everyRoleIsAWorkflowGroupWithItsChineseName() {
        List<Group> groups = identityService.createGroupQuery().groupIdIn(Groups.ROLES.toArray(String[]::new)).list();

        assertThat(groups).hasSize(Groups.ROLES.size()).allSatisfy(group -> {
            assertThat(group.getType()).isEqualTo("WORKFLOW");
            assertThat(group.getName()).isNotBlank().doesNotContain("-");
        });
        assertThat(groups).filteredOn(group -> group.getId().equals(Groups.ORG_DEPT))
                .singleElement().extracting(Group::getName).isEqualTo("组织部干教科");
        assertThat(groups).filteredOn(group -> group.getId().equals(Groups.TRAINEE))
                .singleElement().extracting(Group::getName).isEqualTo("学员（干部）");
    }

    @Test
    void provisioningAgainCreatesNothingNew() {
        long groups = identityService.createGroupQuery().count();
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long filters = filterService.createFilterQuery().count();

        provisioning.provisionRoles();
        provisioning.provisionRoles();

        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    }

    @Test
    void everyRoleUsesTasklistButOnlyOrgDepartmentHeadAndManagersUseCockpit() {
        for (String role : Groups.ROLES) {
            assertThat(allowed(role, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).as(role).isTrue();
            assertThat(allowed(role, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).as(role)
                    .isEqualTo(List.of(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER).contains(role));
            assertThat(allowed(role, Permissions.ACCESS, Resources.APPLICATION, "admin")).as(role).isFalse();
        }
    }

    @Test
    void onlyInstitutionsStartClassFilings() {
        for (String role : Groups.ROLES) {
            boolean institution = role.equals(Groups.INSTITUTION);
            assertThat(allowed(role, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    "class-filing")).as(role).isEqualTo(institution);
            // trainees start leave-request (R16), the org department appointment-linkage (R32) and needs-survey (R37), so
            // they too create process instances
            assertThat(allowed(role, ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE, "*")).as(role)
                    .isEqualTo(institution || role.equals(Groups.TRAINEE) || role.equals(Groups.ORG_DEPT));
            assertThat(allowed(role, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    "appointment-linkage")).as(role).isEqualTo(role.equals(Groups.ORG_DEPT));
            assertThat(allowed(role, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    "needs-survey")).as(role).isEqualTo(role.equals(Groups.ORG_DEPT));
            assertThat(allowed(role, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    "leave-request")).as(role).isEqualTo(role.equals(Groups.TRAINEE));
            // trainees claim reward credits (R22) over the API, which starts credit-claim in their name
            assertThat(allowed(role, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                    "credit-claim")).as(role).isEqualTo(role.equals(Groups.TRAINEE));
        }
        assertThat(allowed(Groups.INSTITUTION, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION,
                "other-process")).isFalse();
    }

    @Test
    void traineesUnitsAndRatersGetNoProcessOrDecisionAccess() {
        for (String role : List.of(Groups.TRAINEE, Groups.UNIT_HR, Groups.UNIT_LEADER, Groups.CLASS_TEACHER,
                Groups.LECTURER, Groups.LIAISON, Groups.FOLLOW_UP_TEAM, Groups.FOLLOW_UP_LEAD)) {
            assertThat(allowed(role, Permissions.READ, Resources.PROCESS_DEFINITION, "class-filing")).as(role).isFalse();
            assertThat(allowed(role, Permissions.READ, Resources.PROCESS_INSTANCE, "any")).as(role).isFalse();
            assertThat(allowed(role, Permissions.READ, Resources.TASK, "any")).as(role).isFalse();
            assertThat(allowed(role, Permissions.READ, Resources.DECISION_DEFINITION, "filing-rules")).as(role).isFalse();
        }
    }

    @Test
    void watchersReadProcessesAndHistoryAndOrgDepartmentReadsDecisions() {
        for (String role : List.of(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.APPROVER, Groups.MANAGER)) {
            assertThat(allowed(role, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "class-filing"))
                    .as(role).isTrue();
            assertThat(allowed(role, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "x"))
                    .as(role).isTrue();
            assertThat(allowed(role, ProcessInstancePermissions.READ, Resources.PROCESS_INSTANCE, "x")).as(role).isTrue();
            assertThat(allowed(role, ProcessInstancePermissions.UPDATE, Resources.PROCESS_INSTANCE, "x")).as(role).isFalse();
            assertThat(allowed(role, Permissions.READ, Resources.DECISION_DEFINITION, "filing-rules")).as(role)
                    .isEqualTo(role.equals(Groups.ORG_DEPT));
        }
    }

    @Test
    void everyRoleReadsTheSharedTaskFilters() {
        assertThat(filterService.createTaskFilterQuery().filterName("全部任务").list()).isNotEmpty();
        for (String name : List.of("全部任务", IdentityProvisioning.CLAIMABLE_FILTER)) {
            String filterId = filterService.createTaskFilterQuery().filterName(name).list().get(0).getId();
            for (String role : Groups.ROLES) {
                assertThat(allowed(role, Permissions.READ, Resources.FILTER, filterId)).as(role + " " + name).isTrue();
                assertThat(allowed(role, Permissions.UPDATE, Resources.FILTER, filterId)).as(role + " " + name).isFalse();
            }
        }
    }

    @Test
    void aPermissionRemovedByHandIsGrantedAgain() {
        Authorization grant = authorizationService.createAuthorizationQuery()
                .groupIdIn(Groups.ORG_DEPT).resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
        grant.removePermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizationService.saveAuthorization(grant);
        assertThat(allowed(Groups.ORG_DEPT, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
                "x")).isFalse();

        provisioning.provisionRoles();

        assertThat(allowed(Groups.ORG_DEPT, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
                "x")).isTrue();
    }

    @Test
    void unitAndInstitutionGroupsAreCreatedOnceAndRenamed() {
        assertThat(provisioning.ensureUnitGroup("TEST01", "测试局")).isEqualTo("unit-hr-test01");
        assertThat(provisioning.ensureUnitGroup("TEST01", "测试局")).isEqualTo("unit-hr-test01");
        assertThat(provisioning.ensureInstitutionGroup("TEST02", "测试学院")).isEqualTo("institution-test02");

        assertThat(identityService.createGroupQuery().groupId("unit-hr-test01").singleResult().getName())
                .isEqualTo("测试局组织人事部门");
        provisioning.ensureUnitGroup("TEST01", "测试二局");
        assertThat(identityService.createGroupQuery().groupId("unit-hr-test01").singleResult().getName())
                .isEqualTo("测试二局组织人事部门");
        assertThat(identityService.createGroupQuery().groupId("institution-test02").singleResult().getType())
                .isEqualTo("WORKFLOW");
    }

    @Test
    void ensureUserCreatesOnceKeepsThePasswordAndAddsMissingMemberships() {
        assertThat(provisioning.ensureUser("t-idem", "钱", "多", "t-idem@ganxun.local", "secret-1",
                List.of(Groups.LECTURER))).isTrue();
        assertThat(provisioning.ensureUser("t-idem", "钱", "多", "t-idem@ganxun.local", "secret-2",
                List.of(Groups.LECTURER, Groups.LIAISON))).isFalse();

        assertThat(identityService.checkPassword("t-idem", "secret-1")).isTrue();
        assertThat(identityService.createGroupQuery().groupMember("t-idem").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder(Groups.LECTURER, Groups.LIAISON);
    }

    private boolean allowed(String group, Permission permission, Resource resource, String resourceId) {
        return authorizationService.isUserAuthorized("probe-user", List.of(group), permission, resource, resourceId);
    }
}
