package cn.ganxun.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
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

import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/**
 * The needs survey over real HTTP with the demo logins: the org department designs a questionnaire (R36) and launches a
 * survey for CD01; the trainee (C000001 of CD01) sees the questions of their level (R37) and answers once, anonymously;
 * CD01's HR sees its response rates, another unit's HR gets 403; after the close answers are refused and the report is
 * on screen and as PDF for the org department, not for the trainee.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class SurveyApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired SurveyService surveys;
    @Autowired SurveyReportService reports;
    @Autowired ManagementService managementService;

    private <T> ResponseEntity<T> call(HttpMethod method, String path, String user, Object body,
            ParameterizedTypeReference<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange("/api" + path, method, new HttpEntity<>(body, headers), type);
    }

    private static Map<String, Object> question(String kind, String type, String text, List<String> options,
            List<String> levels) {
        return Map.of("kind", kind, "answerType", type, "text", text, "options", options, "levels", levels);
    }

    @Test
    void r36_r37_r38_designLaunchAnswerOnceWatchRatesAndReadTheReport() throws IOException {
        Map<String, Object> design = Map.of("title", "接口测试问卷", "questions", List.of(
                question("ORGANISATIONAL", "SINGLE_CHOICE", "单位培训重点", List.of("理论", "业务"), List.of()),
                question("POSITIONAL", "SCALE", "岗位匹配度", List.of(), List.of()),
                question("INDIVIDUAL", "TEXT", "个人希望", List.of(), List.of()),
                question("INDIVIDUAL", "SINGLE_CHOICE", "仅县处级", List.of("甲", "乙"), List.of("LEADING"))));
        assertThat(call(HttpMethod.POST, "/questionnaires", "unithr", design, OBJECT).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> missingKind = call(HttpMethod.POST, "/questionnaires", "orgstaff",
                Map.of("title", "缺类别", "questions", List.of(question("INDIVIDUAL", "TEXT", "个人希望", List.of(), List.of()))),
                OBJECT);
        assertThat(missingKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) missingKind.getBody().get("message")).contains("R36", "组织需求", "岗位需求");
        ResponseEntity<Map<String, Object>> created = call(HttpMethod.POST, "/questionnaires", "orgstaff", design, OBJECT);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long questionnaireId = ((Number) created.getBody().get("id")).longValue();
        ResponseEntity<Map<String, Object>> copy = call(HttpMethod.POST, "/questionnaires/" + questionnaireId + "/copy",
                "orgstaff", Map.of("title", "接口测试问卷（复制）"), OBJECT);
        assertThat(copy.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        LocalDate today = EngineClock.today();
        ResponseEntity<Map<String, Object>> launched = call(HttpMethod.POST, "/surveys", "orgstaff", Map.of(
                "questionnaireId", copy.getBody().get("id"), "title", "接口测试调研", "opensOn", today.toString(),
                "closesOn", today.plusDays(5).toString(), "unitCodes", List.of("CD01")), OBJECT);
        assertThat(launched.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long surveyId = ((Number) launched.getBody().get("id")).longValue();
        Job opens = managementService.createJobQuery().processInstanceId(surveys.processInstanceId(surveyId)).timers()
                .singleResult();
        managementService.executeJob(opens.getId());

        // R37: the trainee sees the questions of their level only, and answers once
        ResponseEntity<Map<String, Object>> mine = call(HttpMethod.GET, "/surveys/" + surveyId + "/questions", "trainee",
                null, OBJECT);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> questions = (List<Map<String, Object>>) mine.getBody().get("questions");
        assertThat(questions).extracting(q -> q.get("text")).containsExactly("单位培训重点", "岗位匹配度", "个人希望");
        Map<String, Object> body = Map.of("answers", List.of(
                Map.of("questionId", questions.get(0).get("id"), "choices", List.of(2)),
                Map.of("questionId", questions.get(1).get("id"), "scale", 4),
                Map.of("questionId", questions.get(2).get("id"), "text", "希望多安排案例教学")));
        assertThat(call(HttpMethod.POST, "/surveys/" + surveyId + "/answers", "orgstaff", body, OBJECT).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.POST, "/surveys/" + surveyId + "/answers", "trainee", body, OBJECT).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> second = call(HttpMethod.POST, "/surveys/" + surveyId + "/answers", "trainee",
                body, OBJECT);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) second.getBody().get("message")).contains("R37", "只能提交一次");
        assertThat(call(HttpMethod.GET, "/surveys/" + surveyId + "/questions", "trainee", null, OBJECT).getBody()
                .get("answered")).isEqualTo(true);

        // response rates: the unit's own HR (CD01 and below), not another unit's HR
        ResponseEntity<List<Map<String, Object>>> rates = call(HttpMethod.GET, "/surveys/" + surveyId + "/response-rates",
                "unithr", null, LIST);
        assertThat(rates.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rates.getBody()).anySatisfy(r -> {
            assertThat(r.get("unitCode")).isEqualTo("CD01");
            assertThat(((Number) r.get("responded")).intValue()).isEqualTo(1);
        });
        ResponseEntity<Map<String, Object>> other = call(HttpMethod.GET, "/surveys/" + surveyId + "/response-rates",
                "unithr2", null, OBJECT);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) other.getBody().get("message")).startsWith("无权访问");
        assertThat(call(HttpMethod.GET, "/surveys/999999/response-rates", "orgstaff", null, OBJECT).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // after the close: answers refused, the report on screen and in the archive as PDF
        surveys.close(surveyId);
        reports.build(surveyId);
        ResponseEntity<Map<String, Object>> late = call(HttpMethod.POST, "/surveys/" + surveyId + "/answers", "trainee",
                body, OBJECT);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) late.getBody().get("message")).contains("R37", "截止");
        ResponseEntity<Map<String, Object>> report = call(HttpMethod.GET, "/surveys/" + surveyId + "/report", "orgstaff",
                null, OBJECT);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Number) report.getBody().get("respondents")).intValue()).isEqualTo(1);
        assertThat(call(HttpMethod.GET, "/surveys/" + surveyId + "/report", "trainee", null, OBJECT).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<byte[]> pdf = http.withBasicAuth("orgstaff", "orgstaff")
                .getForEntity("/api/surveys/" + surveyId + "/report/pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains("接口测试调研", "不足 3 人，不予显示")
                    .doesNotContain("希望多安排案例教学");
        }
        assertThat(call(HttpMethod.GET, "/needs-archive", "orgstaff", null, LIST).getBody())
                .anySatisfy(e -> assertThat(((Number) e.get("surveyId")).longValue()).isEqualTo(surveyId));
    }
}
