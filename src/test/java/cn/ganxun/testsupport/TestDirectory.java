package cn.ganxun.testsupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ganxun.institutions.Institution;
import cn.ganxun.institutions.InstitutionKind;
import cn.ganxun.institutions.InstitutionRepository;

/** Creates (once) the institutions, users and bindings a test needs, whether or not demo data is loaded. */
@Component
public class TestDirectory {

    private final IdentityService identityService;
    private final InstitutionRepository institutions;
    private final JdbcClient jdbc;

    TestDirectory(IdentityService identityService, InstitutionRepository institutions, JdbcClient jdbc) {
        this.identityService = identityService;
        this.institutions = institutions;
        this.jdbc = jdbc;
    }

    public Institution institution(String code, String name, InstitutionKind kind) {
        return institutions.findByCode(code)
                .orElseGet(() -> institutions.findById(
                        institutions.insert(code, name, kind, code.toLowerCase() + "@ganxun.local")).orElseThrow());
    }

    public String user(String userId, String... groups) {
        if (identityService.createUserQuery().userId(userId).singleResult() == null) {
            User user = identityService.newUser(userId);
            user.setFirstName(userId);
            user.setLastName("测试");
            user.setEmail(userId + "@test.ganxun.local");
            user.setPassword(userId);
            identityService.saveUser(user);
        }
        for (String groupId : groups) {
            if (identityService.createGroupQuery().groupId(groupId).singleResult() == null) {
                Group group = identityService.newGroup(groupId);
                group.setName(groupId);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
            if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).singleResult() == null) {
                identityService.createMembership(userId, groupId);
            }
        }
        return userId;
    }

    public void bindToInstitution(String userId, long institutionId) {
        jdbc.sql("DELETE FROM account_binding WHERE user_id = ?").param(userId).update();
        jdbc.sql("INSERT INTO account_binding (user_id, institution_id) VALUES (?, ?)").params(userId, institutionId).update();
    }

    /** Binds a unit HR account to its unit. */
    public void bindToUnit(String userId, long unitId) {
        jdbc.sql("DELETE FROM account_binding WHERE user_id = ?").param(userId).update();
        jdbc.sql("INSERT INTO account_binding (user_id, unit_id) VALUES (?, ?)").params(userId, unitId).update();
    }

    /** Binds a trainee account to its cadre. */
    public void bindToCadre(String userId, long cadreId) {
        jdbc.sql("DELETE FROM account_binding WHERE user_id = ?").param(userId).update();
        jdbc.sql("INSERT INTO account_binding (user_id, cadre_id) VALUES (?, ?)").params(userId, cadreId).update();
    }

    public String email(String userId) {
        return userId + "@test.ganxun.local";
    }
}
