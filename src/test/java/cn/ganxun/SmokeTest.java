package cn.ganxun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
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

import cn.ganxun.testsupport.GanxunTest;

/**
 * The whole application on a real port with the demo city: Tasklist is served, the Ganxun REST API answers
 * demo logins, a class filed through the API reaches the approver, and the approver's task form and the
 * institution's start form come back as deployed Camunda Forms.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SmokeTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Test
    void tasklistApiAndDeployedFormsAnswer() {
        String rest = "/engine-rest/engine/" + engine.getName();
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/" + engine.getName() + "/", String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).contains("Camunda Tasklist");

        ResponseEntity<String> openApi = http.getForEntity("/v3/api-docs", String.class);
        assertThat(openApi.getBody()).contains("/api/class-filings", "/api/cadres/import");

        assertThat(http.withBasicAuth("inst", "inst").exchange("/api/institutions", HttpMethod.GET, null, LIST).getBody())
                .extracting(i -> i.get("code")).contains("DX01", "XZ01", "GB01");

        LocalDate start = LocalDate.now().plusDays(40);
        Map<String, Object> filing = Map.of("title", "冒烟测试进修班", "classType", "ADVANCED_STUDY", "topic", "冒烟测试",
                "startDate", start.toString(), "endDate", start.plusDays(4).toString(), "offJob", true,
                "plannedParticipants", 35, "dispatchMode", "QUOTA", "totalHours", 32,
                "courses", List.of(Map.of("title", "党的创新理论", "hours", 32, "category", "PARTY_THEORY")));
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> filed = http.withBasicAuth("inst", "inst")
                .exchange("/api/class-filings", HttpMethod.POST, new HttpEntity<>(filing, json), OBJECT);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String classNumber = (String) filed.getBody().get("classNumber");

        List<Map<String, Object>> tasks = http.withBasicAuth("approver", "approver").exchange(
                rest + "/task?processInstanceBusinessKey=" + classNumber, HttpMethod.GET, null, LIST).getBody();
        assertThat(tasks).singleElement().satisfies(task -> assertThat(task.get("name")).isEqualTo("审批办班申请"));

        ResponseEntity<Map<String, Object>> reviewForm = http.withBasicAuth("approver", "approver").exchange(
                rest + "/task/" + tasks.get(0).get("id") + "/deployed-form", HttpMethod.GET, null, OBJECT);
        assertThat(reviewForm.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reviewForm.getBody()).containsEntry("id", "class-filing-review");

        ResponseEntity<Map<String, Object>> startForm = http.withBasicAuth("inst", "inst").exchange(
                rest + "/process-definition/key/class-filing/deployed-start-form", HttpMethod.GET, null, OBJECT);
        assertThat(startForm.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(startForm.getBody()).containsEntry("id", "class-filing");

        assertThat(http.withBasicAuth("unithr", "unithr").exchange(
                rest + "/task?processInstanceBusinessKey=" + classNumber, HttpMethod.GET, null, LIST).getBody())
                .as("unit HR does not see the approver's task").isEmpty();
    }
}
