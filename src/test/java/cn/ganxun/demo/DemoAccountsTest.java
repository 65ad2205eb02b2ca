package cn.ganxun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

@GanxunTest
@AlsoOnPostgres
class DemoAccountsTest {

    @Autowired
    DemoAccounts demoAccounts;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcClient jdbc;

    @Value("${ganxun.demo.password:}")
    String demoPassword;

    /** The registry loader of the cadre module fills these; here they are added if it has not. */
    @BeforeEach
    void registryRowsExist() {
        ensureUnit("CD01", "市委办公室");
        ensureUnit("DS01", "东城区");
        ensureInstitution("DX01", "市委党校", "PARTY_SCHOOL");
        ensureInstitution("GB01", "市干部学院", "CADRE_COLLEGE");
        if (count("SELECT count(*) FROM cadre WHERE cadre_number = 'C000001'") == 0) {
            jdbc.sql("""
                    INSERT INTO cadre (cadre_number, name, id_number, gender, birth_date, rank_level, category, unit_id,
                                       created_at, updated_at)
                    VALUES ('C000001', '马超', '110101198001010011', 'MALE', DATE '1980-01-01', 'DIVISION',
                            'CIVIL_SERVANT', (SELECT id FROM unit WHERE code = 'CD01'), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                    """).update();
        }
    }

    @Test
    void everyRoleHasADemoLoginWithItsGroupsNameAndMail() {
        assertThat(DemoAccounts.ACCOUNTS).flatExtracting(DemoAccounts.Account::roles)
                .containsAll(Groups.ROLES);
        Map<String, List<String>> expectedGroups = Map.ofEntries(
                Map.entry("orgstaff", List.of(Groups.ORG_DEPT)),
                Map.entry("orghead", List.of(Groups.ORG_DEPT_HEAD)),
                Map.entry("approver", List.of(Groups.APPROVER)),
                Map.entry("inst", List.of(Groups.INSTITUTION, "institution-dx01")),
                Map.entry("inst2", List.of(Groups.INSTITUTION, "institution-gb01")),
                Map.entry("teacher", List.of(Groups.CLASS_TEACHER)),
                Map.entry("lecturer", List.of(Groups.LECTURER)),
                Map.entry("liaison", List.of(Groups.LIAISON)),
                Map.entry("unithr", List.of(Groups.UNIT_HR, "unit-hr-cd01")),
                Map.entry("unithr2", List.of(Groups.UNIT_HR, "unit-hr-ds01")),
                Map.entry("leader", List.of(Groups.UNIT_LEADER)),
                Map.entry("trainee", List.of(Groups.TRAINEE)),
                Map.entry("followup", List.of(Groups.FOLLOW_UP_TEAM)),
                Map.entry("followlead", List.of(Groups.FOLLOW_UP_TEAM, Groups.FOLLOW_UP_LEAD)),
                Map.entry("manager", List.of(Groups.MANAGER)));

        expectedGroups.forEach((userId, groups) -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            assertThat(user).as(userId).isNotNull();
            assertThat(user.getEmail()).isEqualTo(userId + "@ganxun.local");
            assertThat(user.getLastName() + user.getFirstName()).as(userId).matches("\\p{IsHan}{2,4}");
            assertThat(identityService.createGroupQuery().groupMember(userId).list()).extracting(Group::getId)
                    .as(userId).containsExactlyInAnyOrderElementsOf(groups);
            assertThat(identityService.checkPassword(userId, demoPassword.isBlank() ? userId : demoPassword))
                    .as(userId).isTrue();
        });
    }

    @Test
    void accountsAreBoundToTheirUnitInstitutionOrCadre() {
        demoAccounts.run(null);

        assertThat(binding("unithr")).isEqualTo(new Binding(unitId("CD01"), null, null));
        assertThat(binding("unithr2")).isEqualTo(new Binding(unitId("DS01"), null, null));
        assertThat(binding("leader")).isEqualTo(new Binding(unitId("CD01"), null, null));
        assertThat(binding("inst")).isEqualTo(new Binding(null, institutionId("DX01"), null));
        assertThat(binding("inst2")).isEqualTo(new Binding(null, institutionId("GB01"), null));
        assertThat(binding("trainee")).isEqualTo(jdbc.sql("SELECT unit_id, id FROM cadre WHERE cadre_number = 'C000001'")
                .query((rs, n) -> new Binding(rs.getLong("unit_id"), null, rs.getLong("id"))).single());
        assertThat(count("SELECT count(*) FROM account_binding WHERE user_id IN ('orgstaff', 'approver', 'manager')"))
                .isZero();
    }

    @Test
    void runningAgainChangesNothing() {
        demoAccounts.run(null);
        long users = identityService.createUserQuery().count();
        long memberships = Groups.ROLES.stream()
                .mapToLong(role -> identityService.createUserQuery().memberOfGroup(role).count()).sum();
        int bindings = count("SELECT count(*) FROM account_binding");

        demoAccounts.run(null);

        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(Groups.ROLES.stream()
                .mapToLong(role -> identityService.createUserQuery().memberOfGroup(role).count()).sum())
                .isEqualTo(memberships);
        assertThat(count("SELECT count(*) FROM account_binding")).isEqualTo(bindings);
    }

    @Test
    void perUnitAndPerInstitutionGroupsCarryTheRegistryNames() {
        demoAccounts.run(null);

        assertThat(identityService.createGroupQuery().groupId("unit-hr-cd01").singleResult().getName())
                .isEqualTo(name("unit", "CD01") + "组织人事部门");
        assertThat(identityService.createGroupQuery().groupId("institution-dx01").singleResult().getName())
                .isEqualTo(name("institution", "DX01"));
    }

    private record Binding(Long unitId, Long institutionId, Long cadreId) {
    }

    private Binding binding(String userId) {
        return jdbc.sql("SELECT unit_id, institution_id, cadre_id FROM account_binding WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> new Binding((Long) rs.getObject("unit_id"), (Long) rs.getObject("institution_id"),
                        (Long) rs.getObject("cadre_id")))
                .optional().orElse(null);
    }

    private void ensureUnit(String code, String name) {
        if (count("SELECT count(*) FROM unit WHERE code = '" + code + "'") == 0) {
            jdbc.sql("INSERT INTO unit (code, name, kind) VALUES (?, ?, 'CITY_DEPARTMENT')").params(code, name).update();
        }
    }

    private void ensureInstitution(String code, String name, String kind) {
        if (count("SELECT count(*) FROM institution WHERE code = '" + code + "'") == 0) {
            jdbc.sql("INSERT INTO institution (code, name, kind) VALUES (?, ?, ?)").params(code, name, kind).update();
        }
    }

    private Long unitId(String code) {
        return jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
    }

    private Long institutionId(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = ?").param(code).query(Long.class).single();
    }

    private String name(String table, String code) {
        return jdbc.sql("SELECT name FROM " + table + " WHERE code = ?").param(code).query(String.class).single();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
