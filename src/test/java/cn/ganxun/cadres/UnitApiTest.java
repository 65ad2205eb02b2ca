package cn.ganxun.cadres;

import static cn.ganxun.cadres.TestCadres.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.GanxunTest;

/** GET /api/units on the demo city: readable by every signed-in role. */
@GanxunTest
@AutoConfigureMockMvc
class UnitApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitRepository units;

    @Test
    void listsEveryUnitFlatWithItsParent() throws Exception {
        long ds01 = units.findByCode("DS01").orElseThrow().id();

        mvc.perform(get("/api/units").with(as("trainee-test", Groups.TRAINEE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(units.findAll().size()))
                .andExpect(jsonPath("$[0].code").value("CD01"))
                .andExpect(jsonPath("$[0].parentId").doesNotExist())
                .andExpect(jsonPath("$[?(@.code == 'TN0101')].parentId").value(hasItems((int) ds01)))
                .andExpect(jsonPath("$[?(@.code == 'TN0101')].kind").value(hasItems("TOWN")));
    }

    @Test
    void showsOneUnitWithItsChildren() throws Exception {
        long ds01 = units.findByCode("DS01").orElseThrow().id();

        mvc.perform(get("/api/units/" + ds01).with(as("hr-test", Groups.UNIT_HR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("DS01"))
                .andExpect(jsonPath("$.kind").value("DISTRICT"))
                .andExpect(jsonPath("$.hrEmail").value("hr-ds01@ganxun.local"))
                .andExpect(jsonPath("$.children[*].code").value(contains("TN0101", "TN0102",
                        "TN0103", "TN0104")));
    }

    @Test
    void anUnknownUnitIs404() throws Exception {
        mvc.perform(get("/api/units/999999").with(as("org-test", Groups.ORG_DEPT)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("单位不存在：999999"));
    }
}
