package cn.ganxun.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.PortalBrowser;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The manager's journey through the portal on the demo city, every figure checked against the database: the
 * dashboard's classes in follow-up → the class list of that stage → a class in its follow-up (its roster) → one of
 * its trainees' cadre page. And the unit HR's: such a class page shows only CD01's trainees, and a class without CD01
 * trainees (URL edited) is refused.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PortalJourneyBrowserTest {

    /** Classes in their follow-up: an open follow-up, the class neither closed nor rejected (see ClassStage). */
    private static final String IN_FOLLOW_UP = """
            SELECT COUNT(*) FROM follow_up f JOIN training_class k ON k.id = f.class_id
             WHERE f.status = 'OPEN' AND k.status NOT IN ('CLOSED', 'REJECTED')""";

    @RegisterExtension
    static final PortalBrowser browser = new PortalBrowser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completions;
    @Autowired FollowUpService followUps;

    /** A class that ended 20 days ago, now in its follow-up, with two trainees of CD01 and one of DS01. */
    private long classInFollowUp() {
        LocalDate end = EngineClock.today().minusDays(20);
        long classId = fixtures.trainingClass("门户全程", end.minusDays(4), end, true);
        for (String unit : List.of("CD01", "CD01", "DS01")) {
            long cadre = fixtures.cadre(unitId(unit), Rank.STAFF);
            fixtures.enroll(classId, cadre, "COMPLETED", 32.0);
            completions.result(classId, cadre, "GOOD", true);
        }
        followUps.open(classId, null);
        return classId;
    }

    private long unitId(String code) {
        return jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
    }

    @Test
    void a_manager_follows_the_dashboard_to_a_class_and_a_cadre_and_every_figure_is_the_databases() {
        long classId = classInFollowUp();
        long inFollowUp = jdbc.sql(IN_FOLLOW_UP).query(Long.class).single();
        assertThat(inFollowUp).isPositive();

        browser.login(port, "manager");
        browser.open(port, "/portal/dashboard.html");
        browser.waitFor("body[data-loaded='true']");
        WebElement stageCount = stageRow("训后跟踪").findElement(By.cssSelector("a"));
        assertThat(stageCount.getText()).isEqualTo(String.valueOf(inFollowUp));
        browser.screenshot("1-dashboard");

        stageCount.click();
        browser.waitForText("#classes caption", "共 " + inFollowUp + " 条");
        assertThat(browser.driver().getCurrentUrl()).contains("/portal/classes.html", "stage=FOLLOWING_UP");
        browser.screenshot("2-classes-following-up");

        DemoClass demo = jdbc.sql("""
                SELECT k.id, k.class_number, (SELECT COUNT(*) FROM enrollment e WHERE e.class_id = k.id) AS trainees
                  FROM training_class k WHERE k.id = ?""").param(classId)
                .query((rs, n) -> new DemoClass(rs.getLong("id"), rs.getString("class_number"), rs.getLong("trainees")))
                .single();
        browser.waitFor("#classes a.class-link[href$='class.html?id=" + demo.id() + "']").click();
        browser.waitForText("#class-title", demo.classNumber());
        browser.waitFor("#roster a.cadre-link");
        List<String> cadreLinks = browser.all("#roster a.cadre-link").stream().map(a -> a.getAttribute("href"))
                .distinct().toList();
        assertThat((long) cadreLinks.size()).as("every trainee of the roster links to their page").isEqualTo(demo.trainees());
        browser.screenshot("3-class");

        String href = cadreLinks.get(0);
        long cadreId = Long.parseLong(href.substring(href.indexOf("id=") + 3));
        String name = jdbc.sql("SELECT name FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
        browser.waitFor("#roster a.cadre-link[href='" + href.substring(href.indexOf("/portal/")) + "']").click();
        browser.waitForText("#who", name);
        assertThat(browser.waitForText("#trainingRows", demo.classNumber()).getText()).contains(demo.classNumber());
        browser.screenshot("4-cadre");
    }

    @Test
    void a_unit_hr_user_sees_only_their_units_trainees_of_a_class_and_is_refused_a_class_without_them() {
        long classId = classInFollowUp();
        long ownTrainees = jdbc.sql("""
                WITH RECURSIVE tree (id) AS (SELECT id FROM unit WHERE code = 'CD01'
                                             UNION ALL SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
                SELECT COUNT(*) FROM enrollment e JOIN cadre c ON c.id = e.cadre_id
                 WHERE e.class_id = ? AND c.unit_id IN (SELECT id FROM tree)""").param(classId).query(Long.class).single();
        assertThat(ownTrainees).isEqualTo(2);
        LocalDate end = EngineClock.today().minusDays(30);
        long foreign = fixtures.trainingClass("门户他单位", end.minusDays(2), end, true);
        fixtures.enroll(foreign, fixtures.cadre(unitId("DS01"), Rank.STAFF), "COMPLETED", 16.0);

        browser.login(port, "unithr");
        browser.open(port, "/portal/class.html?id=" + classId);
        browser.waitFor("#roster a.cadre-link");
        assertThat(browser.all("#roster a.cadre-link").stream().map(a -> a.getAttribute("href")).distinct().count())
                .isEqualTo(ownTrainees);
        browser.waitForText("#roster", "名其他单位学员未显示");
        browser.screenshot("unithr-class");

        browser.open(port, "/portal/class.html?id=" + foreign);
        assertThat(browser.waitForText("#portal-status", "无权访问").getText()).contains("无权访问");
        browser.screenshot("unithr-foreign-class-403");
    }

    @Test
    void the_dashboard_works_from_the_keyboard_and_fits_a_tablet() {
        browser.login(port, "manager");
        browser.driver().manage().window().setSize(new Dimension(768, 1024));
        try {
            browser.open(port, "/portal/dashboard.html");
            browser.waitFor("body[data-loaded='true']");
            Number overflow = (Number) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("no page-wide horizontal scrolling at 768 px").isLessThanOrEqualTo(0);
            browser.screenshot("tablet-dashboard");

            // a card is a link: Enter on it opens its list
            browser.waitFor("#card-red").sendKeys(Keys.ENTER);
            browser.waitFor("#list tbody tr");
            assertThat(browser.driver().getCurrentUrl()).contains("/portal/cadres.html", "light=RED");
            // a sortable column is a button: Enter sorts on the server and marks the column
            WebElement sort = browser.waitFor("#list th[aria-sort] button.sort");
            String column = sort.getAttribute("data-sort");
            sort.sendKeys(Keys.ENTER);
            browser.waitFor("#list th[aria-sort='ascending'] button.sort[data-sort='" + column + "']");
            assertThat(browser.driver().getCurrentUrl()).contains("sort=" + column);
            browser.screenshot("tablet-cadres-sorted");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private static WebElement stageRow(String label) {
        return browser.all("#table-stages tbody tr").stream()
                .filter(row -> row.findElements(By.cssSelector("th, td")).get(0).getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage row " + label))
                .findElements(By.cssSelector("th, td")).get(1);
    }

    private record DemoClass(long id, String classNumber, long trainees) {
    }
}
