package cn.ganxun.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ganxun.security.Groups;
import cn.ganxun.security.IdentityProvisioning;

/**
 * One demo login per role (only with {@code ganxun.demo.enabled=true}). Password: {@code ganxun.demo.password}
 * if set, else the user id. Runs after the registry loader ({@code @Order(10)}) and binds accounts to the demo
 * units, institutions and cadre it finds by code; a missing one is logged and its binding skipped. Idempotent: an
 * existing user keeps its password, missing memberships and bindings are added on the next start.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "ganxun.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** A demo login; at most one of unit / institution / cadre is bound (a cadre brings its unit). */
    record Account(String userId, String lastName, String firstName, List<String> roles, String unitCode,
            String institutionCode, String cadreNumber) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("orgstaff", "张", "伟", List.of(Groups.ORG_DEPT), null, null, null),
            new Account("orghead", "李", "强", List.of(Groups.ORG_DEPT_HEAD), null, null, null),
            new Account("approver", "刘", "洋", List.of(Groups.APPROVER), null, null, null),
            new Account("inst", "陈", "静", List.of(Groups.INSTITUTION), null, "DX01", null),
            new Account("inst2", "杨", "帆", List.of(Groups.INSTITUTION), null, "GB01", null),
            new Account("teacher", "赵", "敏", List.of(Groups.CLASS_TEACHER), null, null, null),
            new Account("lecturer", "黄", "磊", List.of(Groups.LECTURER), null, null, null),
            new Account("liaison", "周", "杰", List.of(Groups.LIAISON), null, null, null),
            new Account("unithr", "吴", "芳", List.of(Groups.UNIT_HR), "CD01", null, null),
            new Account("unithr2", "徐", "丽", List.of(Groups.UNIT_HR), "DS01", null, null),
            new Account("leader", "孙", "建国", List.of(Groups.UNIT_LEADER), "CD01", null, null),
            new Account("trainee", "马", "超", List.of(Groups.TRAINEE), null, null, "C000001"),
            new Account("followup", "朱", "红", List.of(Groups.FOLLOW_UP_TEAM), null, null, null),
            new Account("followlead", "郑", "毅", List.of(Groups.FOLLOW_UP_TEAM, Groups.FOLLOW_UP_LEAD), null, null, null),
            new Account("manager", "胡", "斌", List.of(Groups.MANAGER), null, null, null));

    private final IdentityProvisioning provisioning;
    private final JdbcClient jdbc;
    private final String password;

    DemoAccounts(IdentityProvisioning provisioning, JdbcClient jdbc, @Value("${ganxun.demo.password:}") String password) {
        this.provisioning = provisioning;
        this.jdbc = jdbc;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (Account account : ACCOUNTS) {
            if (provisioning.ensureUser(account.userId(), account.lastName(), account.firstName(),
                    account.userId() + "@ganxun.local", password.isBlank() ? account.userId() : password,
                    groupsOf(account))) {
                created++;
            }
            bind(account);
        }
        log.info("Demo accounts: {} created, {} present", created, ACCOUNTS.size() - created);
    }

    /** Role groups plus the unit HR's or institution's own candidate group. */
    private List<String> groupsOf(Account account) {
        List<String> groups = new ArrayList<>(account.roles());
        if (account.roles().contains(Groups.UNIT_HR)) {
            groups.add(provisioning.ensureUnitGroup(account.unitCode(),
                    name("unit", account.unitCode()).orElse(account.unitCode())));
        }
        if (account.institutionCode() != null) {
            groups.add(provisioning.ensureInstitutionGroup(account.institutionCode(),
                    name("institution", account.institutionCode()).orElse(account.institutionCode())));
        }
        return groups;
    }

    private void bind(Account account) {
        if (account.unitCode() == null && account.institutionCode() == null && account.cadreNumber() == null) {
            return;
        }
        if (jdbc.sql("SELECT count(*) FROM account_binding WHERE user_id = ?").param(account.userId())
                .query(Integer.class).single() > 0) {
            return;
        }
        Long unitId = null;
        Long institutionId = null;
        Long cadreId = null;
        if (account.cadreNumber() != null) {
            Optional<long[]> cadre = jdbc.sql("SELECT id, unit_id FROM cadre WHERE cadre_number = ?")
                    .param(account.cadreNumber())
                    .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("unit_id")})
                    .optional();
            if (cadre.isEmpty()) {
                log.warn("Demo account {}: cadre {} not found, not bound", account.userId(), account.cadreNumber());
                return;
            }
            cadreId = cadre.get()[0];
            unitId = cadre.get()[1];
        } else if (account.unitCode() != null) {
            unitId = idOf("unit", account.unitCode()).orElse(null);
        } else {
            institutionId = idOf("institution", account.institutionCode()).orElse(null);
        }
        if (unitId == null && institutionId == null) {
            log.warn("Demo account {}: {} not found, not bound", account.userId(),
                    account.unitCode() != null ? "unit " + account.unitCode() : "institution " + account.institutionCode());
            return;
        }
        jdbc.sql("INSERT INTO account_binding (user_id, unit_id, institution_id, cadre_id) VALUES (?, ?, ?, ?)")
                .params(account.userId(), unitId, institutionId, cadreId)
                .update();
    }

    /** {@code table} is "unit" or "institution" (constants above, never input). */
    private Optional<Long> idOf(String table, String code) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE code = ?").param(code).query(Long.class).optional();
    }

    private Optional<String> name(String table, String code) {
        return jdbc.sql("SELECT name FROM " + table + " WHERE code = ?").param(code).query(String.class).optional();
    }
}
