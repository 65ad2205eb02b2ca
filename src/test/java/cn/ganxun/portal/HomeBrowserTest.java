package cn.ganxun.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.dashboard.HeadlineFigures;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.PortalBrowser;

/**
 * The unit HR's portal in headless Chromium: the home page with its nomination task linked into Tasklist and its
 * figures (checked against the database), the unit page with CD01's cadres, a cadre page with the ECharts growth curve
 * and its data table, and the 403 message when the URL is edited to another unit.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HomeBrowserTest {

    @RegisterExtension
    static final PortalBrowser browser = new PortalBrowser();

    @LocalServerPort int port;
    @Autowired PortalFixtures portal;
    @Autowired UnitRepository units;
    @Autowired JdbcClient jdbc;
    @Autowired HeadlineFigures headlines;

    @Test
    void unitHrSeesTheirTasksFiguresUnitCadresAndACadrePage_andIsRefusedAnotherUnit() {
        long cd01 = portal.unitId("CD01");
        Set<Long> tree = units.withSubUnits(cd01);
        Task task = portal.nominationTask(cd01, EngineClock.now().plusHours(20));

        browser.login(port, "unithr");
        browser.open(port, "/portal/index.html?size=200");
        browser.waitFor("a.task-link[href$='task=" + task.getId() + "']");
        assertThat(browser.waitFor("a.task-link[href$='task=" + task.getId() + "']").getAttribute("href"))
                .contains("/camunda/app/tasklist/");
        // the dashboard's figure of unanswered mandates for the unit tree (tested against the tables there)
        long open = headlines.unansweredMandates(Optional.of(tree)).open();
        assertThat(browser.waitFor(".card[data-key='nominations.open'] .value").getText()).isEqualTo(String.valueOf(open));
        assertThat(browser.waitFor(".card[data-key='coverage.red']").getAttribute("href"))
                .endsWith("/portal/unit.html?unitId=" + cd01 + "&light=RED");
        browser.screenshot("unithr-home");

        browser.open(port, "/portal/unit.html?unitId=" + cd01);
        browser.waitFor("#cadre-table a.cadre-link");
        long active = jdbc.sql("SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE' AND unit_id IN (:units)")
                .param("units", tree).query(Long.class).single();
        assertThat(browser.waitFor("#cadre-table caption").getText()).contains("共 " + active + " 条");
        assertThat(browser.waitFor("h1").getText()).contains("CD01");
        browser.waitFor("#nomination-lists table");
        browser.screenshot("unithr-unit");

        long cadreId = jdbc.sql("""
                SELECT e.cadre_id FROM enrollment e JOIN cadre c ON c.id = e.cadre_id
                 WHERE c.unit_id IN (:units) AND e.status = 'COMPLETED'
                 GROUP BY e.cadre_id ORDER BY COUNT(*) DESC, e.cadre_id FETCH FIRST 1 ROWS ONLY""")
                .param("units", tree).query(Long.class).single();
        browser.open(port, "/portal/cadre.html?id=" + cadreId);
        browser.waitFor("#growthChart canvas");
        browser.waitFor("#abilityChart canvas");
        browser.waitFor("#growthRows tr");
        long years = jdbc.sql("""
                SELECT MAX(EXTRACT(YEAR FROM k.end_date)) - MIN(EXTRACT(YEAR FROM k.end_date)) + 1
                  FROM enrollment e JOIN training_class k ON k.id = e.class_id
                 WHERE e.cadre_id = ? AND e.status IN ('COMPLETED', 'INCOMPLETE')""").param(cadreId)
                .query(Long.class).single();
        assertThat(browser.all("#growthRows tr")).hasSize((int) years);
        assertThat(browser.all("#trainingRows a.class-link")).isNotEmpty();
        browser.screenshot("cadre-page");

        browser.open(port, "/portal/unit.html?unitId=" + portal.unitId("DS01"));
        assertThat(browser.waitForText("#portal-status", "无权访问").getText()).contains("本单位");
        browser.screenshot("unithr-other-unit-403");
    }
}
