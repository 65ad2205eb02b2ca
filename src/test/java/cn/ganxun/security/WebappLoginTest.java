package cn.ganxun.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ganxun.security.Http.Reply;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/**
 * Tasklist/Cockpit login as a browser does it: Camunda's CSRF filter hands out a token on a GET (cookie
 * XSRF-TOKEN and header X-XSRF-TOKEN) and refuses a state-changing request without it, the login itself included.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class WebappLoginTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityProvisioning provisioning;

    Http browser;
    String auth;

    @BeforeEach
    void users() {
        browser = Http.browser(port);
        auth = "/camunda/api/admin/auth/user/" + engine.getName();
        provisioning.ensureUser("w-approver", "测", "试", "w-approver@ganxun.local", "pw-w-approver",
                List.of(Groups.APPROVER));
        provisioning.ensureUser("w-orgstaff", "测", "试", "w-orgstaff@ganxun.local", "pw-w-orgstaff",
                List.of(Groups.ORG_DEPT));
    }

    @Test
    void loginWithoutTheCsrfTokenIsRefused() {
        Reply reply = browser.postForm(auth + "/login/tasklist", "username=w-approver&password=pw-w-approver", Map.of());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("X-XSRF-TOKEN")).isEqualTo("Required");
    }

    @Test
    void loginWithATokenFromTheSameSessionWorksAndOpensTheEngineApiOfTheWebapp() {
        String token = csrfToken();

        Reply login = browser.postForm(auth + "/login/tasklist", "username=w-approver&password=pw-w-approver",
                Map.of("X-XSRF-TOKEN", token));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.object()).containsEntry("userId", "w-approver");
        assertThat(login.object().get("authorizedApps")).asList().contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(browser.get("/camunda/api/engine/engine/" + engine.getName() + "/task").status()).isEqualTo(200);
    }

    @Test
    void aForeignTokenIsRefused() {
        csrfToken();

        Reply reply = browser.postForm(auth + "/login/tasklist", "username=w-approver&password=pw-w-approver",
                Map.of("X-XSRF-TOKEN", "0123456789ABCDEF0123456789ABCDEF"));

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void orgDepartmentStaffMayOpenCockpit() {
        Reply login = browser.postForm(auth + "/login/cockpit", "username=w-orgstaff&password=pw-w-orgstaff",
                Map.of("X-XSRF-TOKEN", csrfToken()));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.object().get("authorizedApps")).asList().contains("tasklist", "cockpit").doesNotContain("admin");
    }

    @Test
    void theWebappEngineApiNeedsALoggedInSession() {
        assertThat(browser.get("/camunda/api/engine/engine/" + engine.getName() + "/task").status()).isEqualTo(401);
    }

    /** Any GET through the CSRF filter starts a session and returns its token. */
    private String csrfToken() {
        Reply reply = browser.get(auth);
        String token = reply.header("X-XSRF-TOKEN");
        assertThat(token).as("token header on " + reply.status()).isNotBlank().isNotEqualTo("Required");
        return token;
    }
}
