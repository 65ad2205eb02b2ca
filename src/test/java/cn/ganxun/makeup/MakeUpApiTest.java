package cn.ganxun.makeup;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** The make-up REST API: the org department lists and places; others get 403; bad placements 400. */
@GanxunTest
@AutoConfigureMockMvc
@AlsoOnPostgres
@Transactional
class MakeUpApiTest {

    @Autowired MockMvc mvc;
    @Autowired MakeUpService makeUp;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired TestDirectory directory;

    @Test
    void R21_org_department_lists_and_places_make_up_trainees() throws Exception {
        long unit = fixtures.unit("补训接口局");
        LocalDate end = LocalDate.of(2027, 6, 5);
        long classId = fixtures.trainingClass("补训接口", end.minusDays(4), end, true);
        long cadre = fixtures.cadre(unit, Rank.STAFF);
        fixtures.enroll(classId, cadre, "ENROLLED", null);
        completion.result(classId, cadre, "FAIL", true);
        long id = makeUp.listFor(classId).get(0).id();
        long early = fixtures.trainingClass("补训接口", end.minusDays(1), end.plusDays(2), true);
        long later = fixtures.trainingClass("补训接口", end.plusDays(10), end.plusDays(12), true);
        String org = directory.user("makeup-api-org", Groups.ORG_DEPT);
        String hr = directory.user("makeup-api-hr", Groups.UNIT_HR);
        directory.bindToUnit(hr, unit);

        mvc.perform(get("/api/make-up").with(httpBasic(org, org)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].reasonLabel").value(Matchers.hasItem("考核不合格")));
        mvc.perform(get("/api/make-up").with(httpBasic(hr, hr))).andExpect(status().isForbidden());
        mvc.perform(post("/api/make-up/" + id + "/placement").with(httpBasic(org, org))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"laterClassId\":" + early + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("laterClassId"));
        mvc.perform(post("/api/make-up/" + id + "/placement").with(httpBasic(org, org))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/make-up/" + id + "/placement").with(httpBasic(hr, hr))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"laterClassId\":" + later + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/make-up/" + id + "/placement").with(httpBasic(org, org))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"laterClassId\":" + later + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.placedClassId").value(later));
        mvc.perform(get("/api/make-up").param("classId", String.valueOf(classId)).with(httpBasic(org, org)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].placedClassNumber").value(fixtures.classNumber(later)));
    }
}
