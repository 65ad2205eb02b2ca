package cn.ganxun.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.PortalBrowser;

/**
 * The manager dashboard in headless Chromium on the demo city: a manager's figures equal the database's counts and
 * lead to their lists and on to a cadre; a unit HR user sees only CD01's tree and no operations figures.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest {

    private static final String CD01_TREE = """
            WITH RECURSIVE tree (id) AS (SELECT id FROM unit WHERE code = 'CD01'
                                         UNION ALL SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
            """;

    @RegisterExtension
    static final PortalBrowser browser = new PortalBrowser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void r7_aManagerSeesTheFiguresOfTheDatabaseAndDrillsDownToACadre() {
        browser.login(port, "manager");
        browser.open(port, "/portal/dashboard.html");
        browser.waitFor("body[data-loaded='true']");
        long active = jdbc.sql("SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE'").query(Long.class).single();
        assertThat(lastRowCell("#table-coverage-unit", 4)).as("在职干部 in the total row").isEqualTo(String.valueOf(active));
        long failed = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'FAILED'").query(Long.class).single();
        assertThat(browser.waitFor("#card-deliveries .value").getText()).isEqualTo(String.valueOf(failed));
        assertThat(browser.all("#figure-incidents canvas")).isNotEmpty();
        browser.screenshot("manager-dashboard");

        String red = browser.waitFor("#card-red .value").getText();
        browser.driver().findElement(By.cssSelector("#card-red")).click();
        browser.waitForText("#list caption", "共 " + red + " 条");
        assertThat(browser.driver().getCurrentUrl()).contains("/portal/cadres.html", "light=RED");
        browser.screenshot("manager-red-cadres");
        WebElement cadre = browser.waitFor("#list tbody td[data-key='cadreNumber'] a");
        String href = cadre.getAttribute("href");
        cadre.click();
        assertThat(href).contains("/portal/cadre.html?id=");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(href);
    }

    @Test
    void aUnitHrUserSeesOnlyCd01sFigures() {
        browser.login(port, "unithr");
        browser.open(port, "/portal/dashboard.html");
        browser.waitFor("body[data-loaded='true']");
        long active = jdbc.sql(CD01_TREE + "SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE' AND unit_id IN (SELECT id FROM tree)")
                .query(Long.class).single();
        assertThat(lastRowCell("#table-coverage-unit", 4)).isEqualTo(String.valueOf(active));
        List<String> treeNames = jdbc.sql(CD01_TREE + "SELECT name FROM unit WHERE id IN (SELECT id FROM tree)")
                .query(String.class).list();
        List<WebElement> rows = browser.all("#table-coverage-unit tbody tr");
        assertThat(rows.subList(0, rows.size() - 1)).extracting(row -> row.findElement(By.cssSelector("th")).getText())
                .isNotEmpty().allSatisfy(name -> assertThat(treeNames).contains(name));
        assertThat(browser.all("#figure-incidents")).isEmpty();
        assertThat(browser.all("#figure-approvals")).isEmpty();
        browser.screenshot("unithr-dashboard");

        browser.driver().findElement(By.cssSelector("#card-red")).click();
        browser.waitFor("#list tbody tr");
        browser.screenshot("unithr-red-cadres");
    }

    private static String lastRowCell(String table, int column) {
        List<WebElement> rows = browser.all(table + " tbody tr");
        assertThat(rows).isNotEmpty();
        return rows.get(rows.size() - 1).findElements(By.cssSelector("th, td")).get(column).getText();
    }
}
