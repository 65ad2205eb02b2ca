package cn.ganxun.cadres;

import static cn.ganxun.cadres.TestCadres.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.GanxunTest;

/** POST /api/cadres/import with src/test/resources/cadres/import-sample.csv and small inline files. */
@GanxunTest
@AutoConfigureMockMvc
@Transactional
class CadreImportApiTest {

    private static final RequestPostProcessor ORG_DEPT = as("org-test", Groups.ORG_DEPT);
    private static final String HEADER = "干部编号,姓名,身份证号,性别,出生日期,职级,类别,学历,专业,单位代码,职务,是否党员,电子邮箱,入职日期";
    /** The identity number that row 14 of the sample file claims although it belongs to T800001. */
    private static final String TAKEN_ID_NUMBER = "11010219800808115X";
    private static final String GOOD_ROW =
            "T900001,赵文博,110101198506150131,男,1985-06-15,乡科级正职,党政领导干部,大学本科,行政管理,CD01,综合科科长,是,t900001@ganxun.local,2008-07-01";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CadreRepository cadres;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void aCadreHoldsTheTakenIdNumber() {
        CadreProfile staff = TestCadres.staff("T800001", cadres.findByNumber("C000001").orElseThrow().profile().unitId(), 0);
        cadres.insertAll(List.of(new CadreProfile(staff.cadreNumber(), staff.name(), TAKEN_ID_NUMBER, Gender.MALE,
                LocalDate.of(1980, 8, 8), staff.rank(), staff.category(), staff.education(), staff.speciality(),
                staff.unitId(), staff.post(), true, null, staff.hiredOn())));
    }

    @Test
    void r1_keepsGoodRowsAndRejectsEachBadRowWithItsRowNumberAndReason() throws Exception {
        JsonNode result = importSample();

        assertThat(counts(result)).isEqualTo(List.of(4, 0, 0, 9));
        assertThat(rejections(result)).containsExactly(
                Map.entry(5, "缺少身份证号"),
                Map.entry(6, "身份证号校验位错误"),
                Map.entry(7, "未知单位代码：XX99"),
                Map.entry(8, "出生日期格式错误：1986-13-04（应为 yyyy-MM-dd）"),
                Map.entry(9, "未知职级：处长（可选：厅局级、县处级正职、县处级副职、乡科级正职、乡科级副职、科员及以下）"),
                Map.entry(10, "干部编号与第2行重复；身份证号与第2行重复"),
                Map.entry(11, "性别与身份证号不一致"),
                Map.entry(13, "电子邮箱格式错误：chenhai-at-ganxun"),
                Map.entry(14, "身份证号已属于干部 T800001"));
        assertThat(result.at("/rejections/0/cadreNumber").asText()).isEqualTo("T900004");
    }

    @Test
    void r1_importedCadresCarryTheirBasicDataAndAHireEvent() throws Exception {
        importSample();

        Cadre deputy = cadres.findByNumber("T900002").orElseThrow();
        assertThat(deputy.profile().post()).isEqualTo("副局长,分管基础教育");
        assertThat(deputy.profile().rank()).isEqualTo(Rank.COUNTY_DEPUTY);
        assertThat(deputy.profile().category()).isEqualTo(Category.PUBLIC_INSTITUTION_LEADER);
        assertThat(deputy.profile().gender()).isEqualTo(Gender.FEMALE);
        Cadre young = cadres.findByNumber("T900003").orElseThrow();
        assertThat(young.profile()).isEqualTo(new CadreProfile("T900003", "孙浩", "110101199503080355", Gender.MALE,
                LocalDate.of(1995, 3, 8), Rank.STAFF, Category.YOUNG_CADRE, Education.BACHELOR, "计算机科学与技术",
                unitId("TN0101"), "党政办公室科员", false, null, LocalDate.of(2019, 9, 1)));
        assertThat(young.status()).isEqualTo(CadreStatus.ACTIVE);
        assertThat(jdbc.sql("""
                SELECT e.kind || ' ' || e.effective_on || ' ' || e.to_rank || ' ' || e.recorded_by || ' ' || e.note
                FROM cadre_event e JOIN cadre c ON c.id = e.cadre_id WHERE c.cadre_number = 'T900003'""")
                .query(String.class).list()).containsExactly("HIRE 2019-09-01 STAFF org-test 导入建档");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws Exception {
        importSample();
        Map<String, Object> before = snapshot();

        JsonNode again = importSample();

        assertThat(counts(again)).isEqualTo(List.of(0, 0, 4, 9));
        assertThat(rejections(again).keySet()).containsExactly(5, 6, 7, 8, 9, 10, 11, 13, 14);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aChangedRowUpdatesTheCadre() throws Exception {
        upload(ORG_DEPT, csv(GOOD_ROW)).andExpect(status().isOk());

        JsonNode result = body(upload(ORG_DEPT, csv(GOOD_ROW.replace("t900001@ganxun.local", "zhaowb@ganxun.local")
                .replace("综合科科长", "秘书科科长"))));

        assertThat(counts(result)).isEqualTo(List.of(0, 1, 0, 0));
        Cadre updated = cadres.findByNumber("T900001").orElseThrow();
        assertThat(updated.profile().email()).isEqualTo("zhaowb@ganxun.local");
        assertThat(updated.profile().post()).isEqualTo("秘书科科长");
        assertThat(cadres.history(updated.id())).hasSize(1);
    }

    @Test
    void r1_rankAndUnitChangesAreLifeEventsNotImports() throws Exception {
        upload(ORG_DEPT, csv(GOOD_ROW, goodRow("T900015", 7))).andExpect(status().isOk());

        JsonNode result = body(upload(ORG_DEPT, csv(GOOD_ROW.replace("乡科级正职", "县处级副职"),
                goodRow("T900015", 7).replace(",CD01,", ",CD02,"))));

        assertThat(counts(result)).isEqualTo(List.of(0, 0, 0, 2));
        assertThat(rejections(result).values()).allSatisfy(reason ->
                assertThat(reason).isEqualTo("职级或单位与登记信息不同：晋升、调动须通过干部变动登记，不能通过导入修改"));
        assertThat(cadres.findByNumber("T900001").orElseThrow().profile().rank()).isEqualTo(Rank.TOWNSHIP_PRINCIPAL);
        assertThat(cadres.findByNumber("T900015").orElseThrow().profile().unitId()).isEqualTo(unitId("CD01"));
    }

    @Test
    void r1_aRetiredCadreIsNotChangedByImport() throws Exception {
        upload(ORG_DEPT, csv(GOOD_ROW)).andExpect(status().isOk());
        Cadre cadre = cadres.findByNumber("T900001").orElseThrow();
        cadres.update(new Cadre(cadre.id(), cadre.profile(), CadreStatus.RETIRED));

        assertThat(counts(body(upload(ORG_DEPT, csv(GOOD_ROW))))).isEqualTo(List.of(0, 0, 1, 0));
        JsonNode changed = body(upload(ORG_DEPT, csv(GOOD_ROW.replace("2008-07-01", "2008-08-01"))));

        assertThat(rejections(changed)).containsExactly(Map.entry(2, "干部已退休，其信息不能再通过导入修改"));
    }

    @Test
    void datesMustFitTheIdNumberAndTheCalendar() throws Exception {
        JsonNode result = body(upload(ORG_DEPT, csv(GOOD_ROW.replace(",1985-06-15,", ",1985-06-16,"),
                goodRow("T900013", 8).replace("2008-07-01", LocalDate.now().plusDays(1).toString()),
                goodRow("T900014", 9).replace("2008-07-01", "1995-01-01"))));

        assertThat(rejections(result)).containsExactly(
                Map.entry(2, "出生日期与身份证号不一致"),
                Map.entry(3, "入职日期不能晚于今天"),
                Map.entry(4, "入职日期须在年满16周岁之后"));
    }

    @Test
    void theFileMustBeUtf8CsvWithEveryColumn() throws Exception {
        upload(ORG_DEPT, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.message").value("请上传干部信息 CSV 文件（表单字段 file）"));
        upload(ORG_DEPT, "\uFEFF".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", startsWith("文件为空")));
        upload(ORG_DEPT, (HEADER + "\n" + GOOD_ROW).getBytes(Charset.forName("GBK")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", startsWith("文件须为 UTF-8 编码的 CSV")));
        upload(ORG_DEPT, (HEADER.replace(",入职日期", "").replace("身份证号,", "") + "\n").getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.message", startsWith("CSV 表头缺少列：身份证号、入职日期")));
    }

    @Test
    void onlyTheOrgDepartmentImports() throws Exception {
        for (RequestPostProcessor caller : List.of(as("hr-test", Groups.UNIT_HR), as("approver-test", Groups.APPROVER),
                as("head-test", Groups.ORG_DEPT_HEAD), as("teacher-test", Groups.INSTITUTION))) {
            upload(caller, csv(GOOD_ROW))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.message", startsWith("无权访问")));
        }
        assertThat(cadres.findByNumber("T900001")).isEmpty();
        upload(as("admin-test", Groups.ADMIN), csv(GOOD_ROW)).andExpect(status().isOk());
        assertThat(cadres.findByNumber("T900001")).isPresent();
    }

    private JsonNode importSample() throws Exception {
        try (InputStream sample = getClass().getResourceAsStream("/cadres/import-sample.csv")) {
            return body(upload(ORG_DEPT, sample.readAllBytes()));
        }
    }

    private ResultActions upload(RequestPostProcessor caller, byte[] content) throws Exception {
        var request = multipart("/api/cadres/import");
        if (content != null) {
            request.file(new MockMultipartFile("file", "cadres.csv", "text/csv", content));
        }
        return mvc.perform(request.with(caller));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** {@link #GOOD_ROW} for another cadre: same person data, own number and identity number. */
    private static String goodRow(String cadreNumber, int sequence) {
        return GOOD_ROW.replace("T900001", cadreNumber).replace("t900001", cadreNumber.toLowerCase())
                .replace("110101198506150131", TestCadres.idNumber(LocalDate.of(1985, 6, 15), sequence));
    }

    private static byte[] csv(String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<Integer> counts(JsonNode result) {
        return List.of(result.get("created").asInt(), result.get("updated").asInt(), result.get("unchanged").asInt(),
                result.get("rejected").asInt());
    }

    private static Map<Integer, String> rejections(JsonNode result) {
        Map<Integer, String> reasons = new LinkedHashMap<>();
        result.get("rejections").forEach(r -> reasons.put(r.get("row").asInt(), r.get("reason").asText()));
        return reasons;
    }

    private long unitId(String code) {
        return jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
    }

    private Map<String, Object> snapshot() {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM cadre) AS cadres, (SELECT COUNT(*) FROM cadre_event) AS events,
                       (SELECT MAX(updated_at) FROM cadre) AS last_update""").query().singleRow();
    }
}
