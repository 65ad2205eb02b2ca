package cn.ganxun.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * A class's follow-up over real HTTP with the demo logins: the plan (R24) set by the org department only, the overview
 * read by the team, the org department, managers and the class's institution, seminars recorded by the institution
 * (R26) and the half-year report's PDF (R28), with Chinese refusals.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class FollowUpApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completions;
    @Autowired FollowUpService followUpService;
    @Autowired HalfYearReportService halfYearReportService;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    LocalDate classEnd;
    long classId;

    /** A class of the demo party school (DX01, the "inst" login) that ended 40 days ago: 3 trainees, results confirmed. */
    @BeforeEach
    void setUp() {
        classEnd = EngineClock.today().minusDays(40);
        classId = fixtures.trainingClass("跟踪接口", classEnd.minusDays(4), classEnd, true);
        jdbc.sql("UPDATE training_class SET institution_id = (SELECT id FROM institution WHERE code = 'DX01') WHERE id = ?")
                .param(classId).update();
        long unit = fixtures.unit("跟踪接口局");
        for (int i = 0; i < 3; i++) {
            long cadre = fixtures.cadre(unit, Rank.COUNTY_DEPUTY);
            fixtures.enroll(classId, cadre, "COMPLETED", 32.0);
            completions.result(classId, cadre, "GOOD", true);
        }
    }

    private ResponseEntity<Map<String, Object>> call(HttpMethod method, String path, String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange("/api" + path, method, new HttpEntity<>(body, headers), OBJECT);
    }

    private ResponseEntity<Map<String, Object>> plan(String user, Object body) {
        return call(HttpMethod.PUT, "/classes/" + classId + "/follow-up-plan", user, body);
    }

    private static String message(ResponseEntity<Map<String, Object>> response) {
        return (String) response.getBody().get("message");
    }

    @Test
    void r24_onlyTheOrgDepartmentSetsTheFollowUpLengthWithinTheRule() {
        for (String outsider : List.of("inst", "unithr", "manager")) {
            ResponseEntity<Map<String, Object>> refused = plan(outsider, Map.of("kind", "KEY", "years", 3));
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(message(refused)).as(outsider).startsWith("无权访问");
        }
        ResponseEntity<Map<String, Object>> regular = plan("orgstaff", Map.of("kind", "REGULAR", "years", 2));
        assertThat(regular.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(regular)).startsWith("R24：").contains("常规班次跟踪问效期限为1年");
        ResponseEntity<Map<String, Object>> pilot = plan("orgstaff", Map.of("kind", "PILOT", "years", 4));
        assertThat(pilot.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(pilot)).isEqualTo("R24：试点班次跟踪问效期限须为1至3年");
        ResponseEntity<Map<String, Object>> noBody = plan("orgstaff", null);
        assertThat(noBody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(noBody)).contains("请提供班次类别 kind 和跟踪年限 years");
        assertThat(years()).isEqualTo(1);

        assertThat(plan("orgstaff", Map.of("kind", "KEY", "years", 3)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(years()).isEqualTo(3);

        ResponseEntity<Map<String, Object>> unknown = call(HttpMethod.PUT, "/classes/999999/follow-up-plan", "orgstaff",
                Map.of("kind", "KEY", "years", 2));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(message(unknown)).isEqualTo("培训班不存在：999999");

        followUpService.open(classId, null);
        ResponseEntity<Map<String, Object>> started = plan("orgstaff", Map.of("kind", "KEY", "years", 2));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(started)).contains("跟踪已开始");
        assertThat(years()).isEqualTo(3);
    }

    private int years() {
        return jdbc.sql("SELECT follow_up_years FROM training_class WHERE id = ?").param(classId).query(Integer.class).single();
    }

    @Test
    void theOverviewIsReadByTheTeamOrgDepartmentManagersAndTheClassInstitutionOnly() {
        ResponseEntity<Map<String, Object>> notYet = call(HttpMethod.GET, "/classes/" + classId + "/follow-up", "orgstaff", null);
        assertThat(notYet.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(message(notYet)).startsWith("本班训后跟踪尚未开始");
        assertThat(call(HttpMethod.GET, "/classes/" + classId + "/follow-up", "unithr", null).getStatusCode())
                .as("roles first: an outsider cannot tell whether the follow-up started").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(plan("orgstaff", Map.of("kind", "KEY", "years", 2)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        followUpService.open(classId, null);
        for (String reader : List.of("orgstaff", "manager", "followup", "followlead", "inst")) {
            ResponseEntity<Map<String, Object>> overview = call(HttpMethod.GET, "/classes/" + classId + "/follow-up", reader, null);
            assertThat(overview.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            assertThat(map(overview.getBody().get("followUp"))).as(reader)
                    .containsEntry("endsOn", classEnd.plusYears(2).toString()).containsEntry("kind", "KEY")
                    .containsEntry("years", 2).containsEntry("status", "OPEN");
            assertThat(list(overview.getBody().get("summaries"))).as(reader).hasSize(3)
                    .allSatisfy(summary -> assertThat(summary).containsEntry("status", "DUE"));
            assertThat(list(overview.getBody().get("seminars"))).as(reader).isEmpty();
        }
        for (String outsider : List.of("inst2", "unithr", "trainee")) {
            ResponseEntity<Map<String, Object>> refused = call(HttpMethod.GET, "/classes/" + classId + "/follow-up", outsider, null);
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(message(refused)).as(outsider).startsWith("无权访问");
        }
    }

    @Test
    void r26_theClassInstitutionRecordsSeminarsAfterTheClassEndedWithEveryProblemNamed() {
        long followUp = followUpService.open(classId, null).id();
        String path = "/follow-ups/" + followUp + "/seminars";
        Map<String, Object> seminar = Map.of("heldOn", EngineClock.today().toString(), "place", "党校第一会议室",
                "attendees", "全体学员、承办机构班主任", "minutes", "交流训后学以致用情况");
        for (String outsider : List.of("inst2", "followup")) {
            ResponseEntity<Map<String, Object>> refused = call(HttpMethod.POST, path, outsider, seminar);
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(message(refused)).as(outsider).startsWith("无权访问");
        }
        ResponseEntity<Map<String, Object>> created = call(HttpMethod.POST, path, "inst", seminar);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) created.getBody().get("id")).longValue();

        ResponseEntity<Map<String, Object>> bad = call(HttpMethod.POST, path, "inst", Map.of("heldOn",
                classEnd.minusDays(1).toString(), "place", "", "attendees", "全体学员", "minutes", "纪要"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(list(bad.getBody().get("errors"))).extracting(p -> p.get("field")).containsExactly("heldOn", "place");
        assertThat(message(bad)).contains("座谈会日期不能早于培训班结业日期 " + classEnd + "（R26）", "请填写座谈会地点");

        List<Map<String, Object>> seminars = list(call(HttpMethod.GET, "/classes/" + classId + "/follow-up", "followup", null)
                .getBody().get("seminars"));
        assertThat(seminars).hasSize(1);
        assertThat(seminars.get(0)).containsEntry("place", "党校第一会议室").containsEntry("recordedBy", "inst")
                .containsEntry("heldOn", EngineClock.today().toString());
        assertThat(((Number) seminars.get(0).get("id")).longValue()).isEqualTo(id);
    }

    @Test
    void r28_theHalfYearReportPdfIsReadByTheClassInstitutionButNotOthers() throws IOException {
        long followUp = followUpService.open(classId, null).id();
        long report = halfYearReportService.draft(followUp, 1);

        ResponseEntity<byte[]> pdf = http.withBasicAuth("inst", "inst")
                .getForEntity("/api/follow-ups/reports/" + report + "/pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(pdf.getBody(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("训后跟踪问效半年反馈报告", fixtures.classNumber(classId));
        }
        for (String outsider : List.of("inst2", "unithr")) {
            ResponseEntity<Map<String, Object>> refused = call(HttpMethod.GET, "/follow-ups/reports/" + report + "/pdf", outsider, null);
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<Map<String, Object>> unknown = call(HttpMethod.GET, "/follow-ups/reports/999999/pdf", "inst", null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(message(unknown)).isEqualTo("半年反馈报告不存在：999999");
        assertThat(call(HttpMethod.GET, "/follow-ups/reports/999999/pdf", "unithr", null).getStatusCode())
                .as("roles first: an outsider cannot probe which reports exist").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void r27_whileTheLeadReviewsTheSampleARedrawBelongsInTheTask() {
        ProcessInstance pi = runtimeService.createProcessInstanceByKey(FollowUpProcess.KEY)
                .businessKey(fixtures.classNumber(classId)).setVariable(FollowUpProcess.Vars.CLASS_ID, classId).execute();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        long followUp = followUpService.ofProcess(pi.getId()).id();

        ResponseEntity<Map<String, Object>> refused = call(HttpMethod.POST, "/follow-ups/" + followUp + "/sample/redraw",
                "followlead", Map.of("reason", "换一批"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(refused)).isEqualTo("R27：抽样名单正在审核中，请在“审核抽样名单”任务中重新抽样");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sample_draw WHERE follow_up_id = ?").param(followUp).query(Integer.class)
                .single()).isOne();
        runtimeService.deleteProcessInstance(pi.getId(), "test over");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
