package cn.ganxun.classdossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.classes.TrainingClassLifecycle;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.PortalBrowser;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The class pages in headless Chromium: the list filtered by stage (figures against the database), a class page with
 * its BPMN diagram rendered by bpmn-js and the current activity highlighted, roster links to the cadre page, the unit
 * filter kept in the URL, and a unit HR user's class page limited to their unit's trainees. Screenshots in target/screenshots.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassPagesBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = new PortalBrowser();

    @LocalServerPort int port;
    @Autowired TrainingFixtures fixtures;
    @Autowired TrainingClassLifecycle lifecycle;
    @Autowired JdbcClient jdbc;
    @Autowired CompletionFixtures completions;
    @Autowired FollowUpService followUps;
    @Autowired TestDirectory directory;

    long unitX;

    /** A class in follow-up with two trainees of unit X and one of unit Y; unit X's HR login is cpb-hr. */
    private long followedUpClass() {
        LocalDate end = EngineClock.today().minusDays(20);
        long classId = fixtures.trainingClass("门户跟踪", end.minusDays(4), end, true);
        unitX = fixtures.unit("门户浏览器甲局");
        long unitY = fixtures.unit("门户浏览器乙局");
        for (long unit : new long[] {unitX, unitX, unitY}) {
            long cadre = fixtures.cadre(unit, Rank.STAFF);
            fixtures.enroll(classId, cadre, "COMPLETED", 32.0);
            completions.result(classId, cadre, "GOOD", true);
        }
        followUps.open(classId, null);
        directory.bindToUnit(directory.user("cpb-hr", Groups.UNIT_HR), unitX);
        return classId;
    }

    @Test
    void a_manager_lists_the_classes_in_follow_up_and_the_stage_figure_matches_the_database() {
        long classId = followedUpClass();
        browser.login(port, "manager");
        browser.open(port, "/portal/classes.html?stage=FOLLOWING_UP");
        browser.waitFor("#classes table.data tbody tr td[data-key='stage']");
        long inFollowUp = jdbc.sql("""
                SELECT COUNT(*) FROM follow_up f JOIN training_class k ON k.id = f.class_id
                 WHERE f.status = 'OPEN' AND k.status IN ('APPROVED', 'RECORDED')""").query(Long.class).single();
        assertThat(browser.waitFor("#stages .card[data-stage='FOLLOWING_UP'] .value").getText())
                .isEqualTo(String.valueOf(inFollowUp));
        assertThat(browser.all("#classes tbody td[data-key='stage'] span")).hasSize((int) Math.min(20, inFollowUp))
                .allSatisfy(s -> assertThat(s.getText()).isEqualTo("训后跟踪"));
        assertThat(browser.waitFor("#filter-stage").getAttribute("value")).isEqualTo("FOLLOWING_UP");
        browser.screenshot("classes-following-up");

        // the unit filter narrows the list to the classes with that unit's trainees, and stays in the URL
        new Select(browser.waitFor("#filter-unitId")).selectByValue(String.valueOf(unitX));
        browser.waitForText("#classes caption", "共 1 条");
        assertThat(browser.driver().getCurrentUrl()).contains("unitId=" + unitX).contains("stage=FOLLOWING_UP");
        // (the table and the stage cards are re-rendered as their answers arrive: read them again until they settle)
        WebDriverWait settle = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
        settle.ignoring(StaleElementReferenceException.class);
        settle.until(d -> d.findElement(By.cssSelector("#classes a.class-link")).getAttribute("href")
                .endsWith("/portal/class.html?id=" + classId));
        settle.until(d -> "1".equals(d.findElement(By.cssSelector("#stages .card[data-stage='FOLLOWING_UP'] .value")).getText()));
        browser.script("document.querySelector('#classes a.class-link').click()");
        browser.waitForText("#class-title", fixtures.classNumber(classId));
        browser.screenshot("classes-to-class");
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
        assertThat(browser.waitFor("#current-activities").getText()).isEqualTo("当前环节：安排调训");
        assertThat(browser.waitFor("#cockpit-link").getAttribute("href")).endsWith("/process-instance/" + instance + "/runtime");
        WebElement link = browser.waitFor("#roster a.cadre-link");
        assertThat(link.getAttribute("href")).endsWith("/portal/cadre.html?id=" + cadre);
        assertThat(browser.waitFor("#filing").getText()).contains("申报信息", "已批准，待调训");
        browser.script("document.getElementById('process').scrollIntoView()");
        browser.screenshot("class-diagram");
    }

    @Test
    void a_unit_hr_user_sees_a_class_with_only_their_units_trainees() {
        long classId = followedUpClass();
        browser.login(port, "cpb-hr");
        browser.open(port, "/portal/class.html?id=" + classId);
        browser.waitForText("#roster", "另有 1 名其他单位学员未显示");
        List<WebElement> links = browser.all("#roster a.cadre-link");
        List<Long> own = jdbc.sql("""
                SELECT e.cadre_id FROM enrollment e JOIN cadre c ON c.id = e.cadre_id
                 WHERE e.class_id = ? AND c.unit_id = ? ORDER BY c.cadre_number""").params(classId, unitX)
                .query(Long.class).list();
        assertThat(links).extracting(a -> a.getAttribute("href"))
                .containsExactlyElementsOf(own.stream().map(id -> browser.driver().getCurrentUrl()
                        .replaceFirst("/portal/class\\.html.*", "/portal/cadre.html?id=" + id)).toList());
        assertThat(browser.waitFor("#trainee-view").getText()).contains("本单位");
        browser.waitForText("#assessment", "另有 1 名其他单位学员未显示");
        browser.screenshot("class-unit-hr");
    }
}
