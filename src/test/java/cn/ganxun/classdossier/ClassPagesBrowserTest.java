package cn.ganxun.classdossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.classes.TrainingClassLifecycle;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.PortalBrowser;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The class pages in headless Chromium: the list filtered by stage (figures against the database), a class page with
 * its BPMN diagram rendered by bpmn-js and the current activity highlighted, roster links to the cadre page, and a unit
 * HR user's class page limited to their unit's trainees. Screenshots in target/screenshots.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassPagesBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = new PortalBrowser();

    @LocalServerPort int port;
    @Autowired TrainingFixtures fixtures;
    @Autowired TrainingClassLifecycle lifecycle;
    @Autowired JdbcClient jdbc;

    @Test
    void a_manager_lists_the_classes_in_follow_up_and_the_stage_figure_matches_the_database() {
        browser.login(port, "manager");
        browser.open(port, "/portal/classes.html?stage=FOLLOWING_UP");
        browser.waitFor("#classes table.data tbody tr");
        long inFollowUp = jdbc.sql("""
                SELECT COUNT(*) FROM follow_up f JOIN training_class k ON k.id = f.class_id
                 WHERE f.status = 'OPEN' AND k.status IN ('APPROVED', 'RECORDED')""").query(Long.class).single();
        assertThat(inFollowUp).isPositive();
        assertThat(browser.waitFor("#stages .card[data-stage='FOLLOWING_UP'] .value").getText())
                .isEqualTo(String.valueOf(inFollowUp));
        List<WebElement> stages = browser.all("#classes tbody td[data-key='stage'] span");
        assertThat(stages).hasSize((int) Math.min(20, inFollowUp))
                .allSatisfy(s -> assertThat(s.getText()).isEqualTo("训后跟踪"));
        String demoClass = "H" + EngineClock.today().minusDays(14).getYear() + "-0900";
        assertThat(browser.waitFor("#classes tbody").getText()).contains(demoClass);
        assertThat(browser.waitFor("#filter-stage").getAttribute("value")).isEqualTo("FOLLOWING_UP");
        browser.screenshot("classes-following-up");
    }

    @Test
    void a_class_page_renders_the_diagram_with_the_current_task_highlighted_and_links_its_trainees() {
        LocalDate start = EngineClock.today().plusDays(40);
        long classId = fixtures.trainingClass("门户浏览器", start, start.plusDays(4), true);
        long cadre = fixtures.cadre(fixtures.unit("门户浏览器局"), Rank.STAFF);
        fixtures.enroll(classId, cadre, "ENROLLED", null);
        String instance = lifecycle.open(classId);

        browser.login(port, "orgstaff");
        browser.open(port, "/portal/class.html?id=" + classId);
        browser.waitForText("#class-title", fixtures.classNumber(classId));
        browser.waitFor("#diagram[data-rendered='true']");
        WebElement active = browser.waitFor("#diagram svg g.highlight[data-element-id='"
                + TrainingClassProcess.Elements.TASK_PLAN_DISPATCH + "']");
        assertThat(active.getAttribute("class")).contains("djs-element", "highlight");
        assertThat(browser.all("#diagram svg g.highlight")).hasSize(1);
        assertThat(browser.waitFor("#cockpit-link").getAttribute("href")).endsWith("/process-instance/" + instance + "/runtime");
        WebElement link = browser.waitFor("#roster a.cadre-link");
        assertThat(link.getAttribute("href")).endsWith("/portal/cadre.html?id=" + cadre);
        assertThat(browser.waitFor("#filing").getText()).contains("申报信息", "已批准，待调训");
        browser.screenshot("class-diagram");
    }

    @Test
    void a_unit_hr_user_sees_the_demo_follow_up_class_with_only_their_units_trainees() {
        String number = "H" + EngineClock.today().minusDays(14).getYear() + "-0900";
        long classId = jdbc.sql("SELECT id FROM training_class WHERE class_number = ?").param(number).query(Long.class).single();
        long total = jdbc.sql("SELECT COUNT(*) FROM enrollment WHERE class_id = ?").param(classId).query(Long.class).single();
        long own = jdbc.sql("""
                WITH RECURSIVE tree (id) AS (SELECT id FROM unit WHERE code = 'CD01'
                                             UNION ALL SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
                SELECT COUNT(*) FROM enrollment e JOIN cadre c ON c.id = e.cadre_id
                 WHERE e.class_id = ? AND c.unit_id IN (SELECT id FROM tree)""").param(classId).query(Long.class).single();
        assertThat(own).isPositive().isLessThan(total);

        browser.login(port, "unithr");
        browser.open(port, "/portal/class.html?id=" + classId);
        browser.waitForText("#roster", "另有 " + (total - own) + " 名其他单位学员未显示");
        assertThat(browser.all("#roster table")).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#roster tbody tr")).size())
                .as("trainee rows (no mandates or allocations in the demo class)").isEqualTo((int) own);
        assertThat(browser.waitFor("#trainee-view").getText()).contains("本单位");
        browser.waitFor("#diagram[data-rendered='true']");
        browser.screenshot("class-unit-hr");
    }
}
