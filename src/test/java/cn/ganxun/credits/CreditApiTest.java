package cn.ganxun.credits;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** The credit ledger API: the org department, the cadre's unit HR and the cadre themself; nobody else. */
@GanxunTest
@AutoConfigureMockMvc
@AlsoOnPostgres
@Transactional
class CreditApiTest {

    @Autowired MockMvc mvc;
    @Autowired CreditService credits;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    @Test
    void R22_the_ledger_per_cadre_and_year_is_shown_to_the_org_department_own_unit_hr_and_the_cadre() throws Exception {
        long unit = fixtures.unit("学分接口局");
        long cadre = fixtures.cadre(unit, Rank.STAFF);
        long classId = fixtures.trainingClass("学分接口", LocalDate.of(2027, 9, 1), LocalDate.of(2027, 9, 5), true);
        fixtures.course(classId, "PARTY_THEORY", 40);
        fixtures.enroll(classId, cadre, "ENROLLED", null);
        completion.result(classId, cadre, "PASS", true);
        credits.postForClass(classId);
        String org = directory.user("credit-org", Groups.ORG_DEPT);
        String own = directory.user("credit-trainee", Groups.TRAINEE);
        directory.bindToCadre(own, cadre);
        String code = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unit).query(String.class).single();
        String hr = directory.user("credit-hr", Groups.UNIT_HR, Groups.unitHr(code));
        directory.bindToUnit(hr, unit);
        String otherHr = directory.user("credit-other-hr", Groups.UNIT_HR);
        directory.bindToUnit(otherHr, fixtures.unit("别的学分局"));
        String otherTrainee = directory.user("credit-other-trainee", Groups.TRAINEE);
        directory.bindToCadre(otherTrainee, fixtures.cadre(unit, Rank.STAFF));
        String path = "/api/cadres/" + cadre + "/credits";

        for (String allowed : new String[] {org, own, hr}) {
            mvc.perform(get(path).param("year", "2027").with(httpBasic(allowed, allowed)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.year").value(2027))
                    .andExpect(jsonPath("$.totalCredits").value(25.0))
                    .andExpect(jsonPath("$.entries[0].source").value("CLASS"))
                    .andExpect(jsonPath("$.entries[0].sourceRef").value(fixtures.classNumber(classId)))
                    .andExpect(jsonPath("$.entries[0].year").value(2027))
                    .andExpect(jsonPath("$.entries[0].reason").isNotEmpty());
        }
        mvc.perform(get(path).param("year", "2026").with(httpBasic(org, org)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isEmpty());
        for (String refused : new String[] {otherHr, otherTrainee}) {
            mvc.perform(get(path).with(httpBasic(refused, refused))).andExpect(status().isForbidden());
        }
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/cadres/-1/credits").with(httpBasic(org, org))).andExpect(status().isNotFound());
    }
}
