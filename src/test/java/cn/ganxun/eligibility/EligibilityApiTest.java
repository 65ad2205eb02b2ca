package cn.ganxun.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/** The R31 / R33 answers over real HTTP with the demo logins; roles before existence. */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class EligibilityApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    private ResponseEntity<Map<String, Object>> get(String path, String user) {
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, OBJECT);
    }

    private String base() {
        return "/api/cadres/" + jdbc.sql("SELECT id FROM cadre WHERE cadre_number = 'C000001'").query(Long.class).single()
                + "/eligibility";
    }

    @Test
    void r31_the_excellent_answer_names_its_rule_for_the_org_department_managers_and_own_unit_hr() {
        for (String asker : List.of("orgstaff", "manager", "unithr")) {
            ResponseEntity<Map<String, Object>> answer = get(base() + "/excellent?year=2025", asker);
            assertThat(answer.getStatusCode().value()).as(asker).isEqualTo(200);
            assertThat(answer.getBody()).containsKeys("eligible", "reasons");
            @SuppressWarnings("unchecked")
            List<String> reasons = (List<String>) answer.getBody().get("reasons");
            assertThat(reasons).hasSize(2).allSatisfy(r -> assertThat(r).startsWith("R31："));
        }
        for (String refused : List.of("unithr2", "trainee", "inst")) {
            ResponseEntity<Map<String, Object>> answer = get(base() + "/excellent?year=2025", refused);
            assertThat(answer.getStatusCode().value()).as(refused).isEqualTo(403);
            assertThat((String) answer.getBody().get("message")).as(refused).startsWith("无权访问：");
        }
        assertThat(get(base() + "/excellent", "orgstaff").getBody().get("message")).isEqualTo("请提供年度考核的年度 year，如 2027");
        assertThat(get("/api/cadres/999999/eligibility/excellent?year=2025", "orgstaff").getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/cadres/999999/eligibility/excellent?year=2025", "trainee").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void r33_the_inspection_candidate_answer_looks_at_the_two_completed_years_before_the_date() {
        ResponseEntity<Map<String, Object>> answer = get(base() + "/inspection-candidate?asOf=2027-03-01", "orgstaff");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) answer.getBody().get("reasons");
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).startsWith("R33：2025年度");
        assertThat(reasons.get(1)).startsWith("R33：2026年度");
        ResponseEntity<Map<String, Object>> badDate = get(base() + "/inspection-candidate?asOf=2027-13-01", "orgstaff");
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat((String) badDate.getBody().get("message")).startsWith("请求格式错误");
        assertThat(get(base() + "/inspection-candidate", "unithr").getStatusCode().value()).isEqualTo(200);
        assertThat(get(base() + "/inspection-candidate", "unithr2").getStatusCode().value()).isEqualTo(403);
    }
}
