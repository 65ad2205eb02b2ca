package cn.ganxun.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.PortalBrowser;
import cn.ganxun.testsupport.TestDirectory;

/**
 * The portal's shell in headless Chromium: the login page, the header and navigation by role, and the one login that
 * also opens Camunda's Tasklist.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PortalShellBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = new PortalBrowser();

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired TestDirectory directory;

    @Test
    void a_wrong_password_is_told_in_chinese_and_a_page_asks_for_login_first() {
        browser.open(port, "/portal/dashboard.html");
        browser.waitFor("#login-form");
        assertThat(browser.driver().getCurrentUrl()).contains("/portal/login.html");

        // a failed login locks the user for a few seconds in Camunda: a user of this test only
        browser.waitFor("#username").sendKeys(directory.user("psb-wrong-password", Groups.TRAINEE));
        browser.driver().findElement(By.id("password")).sendKeys("wrong");
        browser.driver().findElement(By.cssSelector("#login-form button")).click();
        assertThat(browser.waitForText("#login-message", "用户名或密码错误").getText()).contains("请重新输入");
        browser.screenshot("login-error");
    }

    @Test
    void a_manager_sees_the_managers_navigation_and_opens_tasklist_without_a_second_login() {
        browser.login(port, "manager");
        assertThat(browser.waitFor(".portal-header nav").getText()).contains("首页", "管理驾驶舱", "培训班", "任务中心",
                "流程监控");
        browser.screenshot("manager-home");

        // (the test engines have unique names; in a deployment the portal links to the engine "default")
        browser.open(port, "/camunda/app/tasklist/" + engine.getName() + "/");
        // Tasklist shows its task filters, not its login form
        browser.waitForText("body", "全部任务");
        assertThat(browser.all("input[ng-model='username']")).isEmpty();
        browser.screenshot("tasklist-after-portal-login");
    }

    @Test
    void a_unit_hr_user_sees_their_unit_in_the_header_and_no_process_monitoring() {
        browser.login(port, "unithr");
        String header = browser.waitFor(".portal-header").getText();
        assertThat(header).contains("本单位干部", "任务中心").doesNotContain("流程监控");
        assertThat(browser.waitFor("[data-user='unithr']").getText()).contains("（");
        browser.driver().findElement(By.cssSelector(".portal-header .logout button")).click();
        assertThat(browser.waitForText("#login-message", "已退出登录").isDisplayed()).isTrue();
    }
}
