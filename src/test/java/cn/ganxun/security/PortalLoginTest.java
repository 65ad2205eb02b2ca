package cn.ganxun.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;

/**
 * The portal's single login over real HTTP: form login with the Camunda identities opens a session that the portal's
 * pages, the Ganxun API (with the CSRF token for changing requests) and Camunda's webapps all accept; HTTP Basic
 * clients stay sessionless and need no token; logging out ends all of it.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class PortalLoginTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired TestDirectory directory;

    CookieManager cookies;
    HttpClient client;

    @BeforeEach
    void newBrowserSession() {
        cookies = new CookieManager();
        client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void a_portal_page_without_login_redirects_to_the_login_page_and_the_api_answers_401_in_chinese() throws Exception {
        HttpResponse<String> page = get("/portal/index.html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login.html");

        HttpResponse<String> me = get("/api/portal/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.body()).contains("请先登录");

        assertThat(get("/").headers().firstValue("Location").orElseThrow()).endsWith("/portal/");
        assertThat(get("/portal/login.html").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void a_login_needs_the_csrf_token_and_the_right_password() throws Exception {
        // a failed login locks the user for a few seconds in Camunda: a user of this test only
        String user = directory.user("plt-wrong-password", Groups.TRAINEE);
        get("/portal/login.html");
        assertThat(post("/portal/login", "username=" + user + "&password=" + user, null).statusCode())
                .as("no _csrf field").isEqualTo(403);
        HttpResponse<String> wrong = post("/portal/login", "username=" + user + "&password=nope&_csrf=" + csrf(), null);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login.html?error");
        assertThat(get("/api/portal/me").statusCode()).isEqualTo(401);
    }

    @Test
    void one_login_opens_the_portal_the_api_and_tasklist() throws Exception {
        login("unithr");

        assertThat(get("/portal/index.html").statusCode()).isEqualTo(200);
        HttpResponse<String> me = get("/api/portal/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"unithr\"", "\"unitCode\":\"CD01\"", "\"seesAllUnits\":false",
                "unit-hr-cd01");
        // Camunda's webapps see the same login: Tasklist opens without a second one
        HttpResponse<String> camunda = get("/camunda/api/admin/auth/user/" + engine.getName());
        assertThat(camunda.statusCode()).isEqualTo(200);
        assertThat(camunda.body()).contains("\"userId\":\"unithr\"", "tasklist");
    }

    @Test
    void a_changing_api_call_on_the_session_needs_the_csrf_header_but_http_basic_does_not() throws Exception {
        login("orgstaff");
        String emptyFiling = "{}";
        HttpResponse<String> forged = post("/api/class-filings", emptyFiling, "application/json");
        assertThat(forged.statusCode()).as("session without CSRF header").isEqualTo(403);

        HttpResponse<String> withToken = send(HttpRequest.newBuilder(uri("/api/class-filings"))
                .header("Content-Type", "application/json").header(SecurityConfig.CSRF_HEADER, csrf())
                .POST(BodyPublishers.ofString(emptyFiling)));
        assertThat(withToken.statusCode()).as("past CSRF, refused by validation").isEqualTo(400);

        HttpClient basicClient = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> basic = basicClient.send(HttpRequest.newBuilder(uri("/api/class-filings"))
                .header("Authorization", basic("inst")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(emptyFiling)).build(), BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(400);
        assertThat(basic.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void logout_ends_the_portal_api_and_tasklist_session() throws Exception {
        login("manager");
        assertThat(get("/api/portal/me").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = post("/portal/logout", "_csrf=" + csrf(), null);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login.html?logout");
        assertThat(get("/api/portal/me").statusCode()).isEqualTo(401);
        assertThat(get("/camunda/api/admin/auth/user/" + engine.getName()).statusCode()).isNotEqualTo(200);
    }

    @Test
    void the_vocabulary_gives_the_chinese_labels_of_ranks_categories_and_lights() throws Exception {
        login("trainee");
        HttpResponse<String> vocabulary = get("/api/portal/vocabulary");
        assertThat(vocabulary.statusCode()).isEqualTo(200);
        assertThat(vocabulary.body()).contains("{\"value\":\"COUNTY_DEPUTY\",\"label\":\"县处级副职\"}",
                "{\"value\":\"RED\",\"label\":\"红灯\"}", "\"categories\"");
    }

    private void login(String user) throws Exception {
        get("/portal/login.html");
        HttpResponse<String> response = post("/portal/login",
                "username=" + user + "&password=" + user + "&_csrf=" + URLEncoder.encode(csrf(), StandardCharsets.UTF_8),
                null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/portal/");
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SecurityConfig.CSRF_COOKIE))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no CSRF cookie"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType == null ? "application/x-www-form-urlencoded" : contentType)
                .POST(BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
