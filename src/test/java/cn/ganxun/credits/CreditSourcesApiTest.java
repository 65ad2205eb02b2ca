package cn.ganxun.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The credit sources (R22) and standing (R23) over real HTTP with the demo logins: orgstaff (org department), unithr
 * (CD01, the unit of the demo trainee's cadre C000001), unithr2 (DS01), trainee (C000001), manager, inst.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class CreditSourcesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired TrainingFixtures fixtures;
    @Autowired JdbcClient jdbc;

    long trainee;
    String traineeNumber;
    String yesterday = EngineClock.today().minusDays(1).toString();
    int year = EngineClock.today().getYear();
    String unique = Long.toString(System.nanoTime(), 36);

    @BeforeEach
    void setUp() {
        trainee = jdbc.sql("SELECT id FROM cadre WHERE cadre_number = 'C000001'").query(Long.class).single();
        traineeNumber = "C000001";
    }

    record Reply(int status, Object body) {

        String message() {
            return (String) map().get("message");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        @SuppressWarnings("unchecked")
        List<String> errorMessages() {
            return ((List<Map<String, Object>>) map().get("errors")).stream().map(e -> (String) e.get("message")).toList();
        }
    }

    private Reply call(HttpMethod method, String path, String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
        return reply(client.exchange(path, method, new HttpEntity<>(body, headers), String.class));
    }

    private Reply upload(String user, String csv) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType("text/csv"));
        part.setContentDisposition(ContentDisposition.formData().name("file").filename("网络课程.csv").build());
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)), part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return reply(http.withBasicAuth(user, user).exchange("/api/credits/online-courses/import", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class));
    }

    private static Reply reply(ResponseEntity<String> response) {
        try {
            return new Reply(response.getStatusCode().value(),
                    response.getBody() == null ? null : JSON.readValue(response.getBody(), Object.class));
        } catch (java.io.IOException e) {
            throw new AssertionError(response.getStatusCode() + ": " + response.getBody(), e);
        }
    }

    private Map<String, Object> course(String cadreNumber, String code, Object credits) {
        return Map.of("cadreNumber", cadreNumber, "courseCode", code, "courseTitle", "网络课程" + code, "credits", credits,
                "passedOn", yesterday);
    }

    @Test
    void r22_online_courses_are_recorded_by_the_org_department_and_own_unit_hr_all_or_nothing() {
        String path = "/api/credits/online-courses";
        for (String refused : List.of("trainee", "manager", "inst")) {
            Reply reply = call(HttpMethod.POST, path, refused, List.of(course(traineeNumber, "API-" + unique, 10)));
            assertThat(reply.status()).as(refused).isEqualTo(403);
            assertThat(reply.message()).as(refused).startsWith("无权访问：");
        }
        assertThat(call(HttpMethod.POST, path, null, List.of()).status()).isEqualTo(401);
        Reply empty = call(HttpMethod.POST, path, "orgstaff", List.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.message()).startsWith("请提供至少一条网络课程记录");
        Reply bad = call(HttpMethod.POST, path, "orgstaff",
                List.of(course(traineeNumber, "API-A-" + unique, 10), course("NOBODY", "API-B-" + unique, 25)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorMessages()).containsExactly("第2条：未知干部编号：NOBODY", "第2条：R22：网络课程学分须在5至20之间：25");
        Reply otherUnit = call(HttpMethod.POST, path, "unithr2", List.of(course(traineeNumber, "API-C-" + unique, 10)));
        assertThat(otherUnit.status()).isEqualTo(403);
        assertThat(otherUnit.message()).contains("第1条干部 C000001 不属于本单位");

        Reply recorded = call(HttpMethod.POST, path, "unithr", List.of(course(traineeNumber, "API-A-" + unique, 12.5)));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.list()).singleElement().satisfies(e -> {
            assertThat(e.get("source")).isEqualTo("ONLINE");
            assertThat(e.get("sourceRef")).isEqualTo("API-A-" + unique);
            assertThat(((Number) e.get("credits")).doubleValue()).isEqualTo(12.5);
        });
        Reply again = call(HttpMethod.POST, path, "orgstaff", List.of(course(traineeNumber, "API-A-" + unique, 10)));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.message()).contains("已登记过学分，不能重复登记");
        assertThat(call(HttpMethod.POST, path, "orgstaff", "[{\"cadreNumber\": \"C000001\", \"passedOn\": \"昨天\"}]")
                .message()).startsWith("请求格式错误");
    }

    @Test
    void r22_a_csv_import_is_refused_as_a_whole_with_every_bad_line_named() {
        String header = "干部编号,课程编号,课程名称,学分,通过日期\n";
        Reply bad = upload("orgstaff", header
                + traineeNumber + ",CSV-1-" + unique + ",好课程,8," + yesterday + "\n"
                + "C999999,CSV-2-" + unique + ",课程,8," + yesterday + "\n"
                + traineeNumber + ",CSV-3-" + unique + ",课程,3," + EngineClock.today().plusDays(3) + "\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorMessages()).containsExactly("第3行：未知干部编号：C999999",
                "第4行：R22：网络课程学分须在5至20之间：3", "第4行：通过日期不能晚于今天：" + EngineClock.today().plusDays(3));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM credit_entry WHERE source_ref = ?").param("CSV-1-" + unique)
                .query(Integer.class).single()).isZero();
        assertThat(upload("trainee", header).status()).isEqualTo(403);
        Reply good = upload("orgstaff", header + traineeNumber + ",CSV-1-" + unique + ",好课程,8," + yesterday + "\n");
        assertThat(good.status()).isEqualTo(201);
        assertThat(good.list()).hasSize(1);
    }

    @Test
    void r22_a_reward_claim_is_made_by_the_cadre_with_evidence_and_seen_by_their_unit() {
        String path = "/api/credits/reward-claims";
        Reply noEvidence = call(HttpMethod.POST, path, "trainee",
                Map.of("kind", "ARTICLE", "role", "CO_AUTHOR", "title", "文章" + unique, "year", year));
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.message()).startsWith("R22：").contains("须提供证明材料");
        Map<String, Object> claim = Map.of("kind", "ARTICLE", "role", "CO_AUTHOR", "title", "文章" + unique, "year", year,
                "evidence", "《组织人事报》" + year + "年第12期");
        assertThat(call(HttpMethod.POST, path, "orgstaff", claim).status()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, path, "trainee", Map.of("kind", "POEM")).message()).startsWith("请求格式错误");

        Reply claimed = call(HttpMethod.POST, path, "trainee", claim);
        assertThat(claimed.status()).isEqualTo(201);
        assertThat(claimed.map()).containsEntry("status", "PENDING").containsEntry("kind", "ARTICLE");
        assertThat(((Number) claimed.map().get("credits")).doubleValue()).isEqualTo(3.0);

        String claimsPath = "/api/cadres/" + trainee + "/reward-claims";
        for (String reader : List.of("trainee", "unithr", "orgstaff")) {
            Reply list = call(HttpMethod.GET, claimsPath, reader, null);
            assertThat(list.status()).as(reader).isEqualTo(200);
            assertThat(list.list()).as(reader).anySatisfy(c -> assertThat(c.get("title")).isEqualTo("文章" + unique));
        }
        assertThat(call(HttpMethod.GET, claimsPath, "unithr2", null).status()).isEqualTo(403);
    }

    @Test
    void r22_degree_study_is_registered_and_awarded_by_recorders_only() {
        long cadre = fixtures.cadre(jdbc.sql("SELECT id FROM unit WHERE code = 'CD01'").query(Long.class).single(), Rank.STAFF);
        Map<String, Object> study = Map.of("cadreId", cadre, "level", "BACHELOR", "programme", "开放大学 法学",
                "startYear", year);
        assertThat(call(HttpMethod.POST, "/api/credits/degree-studies", "trainee", study).status()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/api/credits/degree-studies", "unithr2", study).status()).isEqualTo(403);
        Reply registered = call(HttpMethod.POST, "/api/credits/degree-studies", "unithr", study);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.map()).containsEntry("status", "STUDYING").containsEntry("level", "BACHELOR");
        long id = ((Number) registered.map().get("id")).longValue();
        Reply early = call(HttpMethod.POST, "/api/credits/degree-studies/" + id + "/award", "orgstaff",
                Map.of("awardedOn", EngineClock.today().plusDays(1).toString()));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.message()).contains("不晚于今天");
        Reply awarded = call(HttpMethod.POST, "/api/credits/degree-studies/" + id + "/award", "orgstaff",
                Map.of("awardedOn", EngineClock.today().toString()));
        assertThat(awarded.status()).isEqualTo(200);
        assertThat(awarded.map()).containsEntry("status", "AWARDED");
        assertThat(call(HttpMethod.POST, "/api/credits/degree-studies/999999/award", "orgstaff",
                Map.of("awardedOn", EngineClock.today().toString())).status()).isEqualTo(404);
        assertThat(call(HttpMethod.POST, "/api/credits/degree-studies/study-years", "unithr", null).status()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/api/credits/degree-studies/study-years", "orgstaff", null).message())
                .isEqualTo("请提供年度 year，如 2027");
        Reply yearly = call(HttpMethod.POST, "/api/credits/degree-studies/study-years?year=" + year, "orgstaff", null);
        assertThat(yearly.status()).isEqualTo(200);
        assertThat(yearly.map()).containsKey("posted");
        Reply standing = call(HttpMethod.GET, "/api/cadres/" + cadre + "/credits/standing?year=" + year, "unithr", null);
        assertThat(standing.status()).isEqualTo(200);
        assertThat(((Number) standing.map().get("earned")).doubleValue()).isEqualTo(10.0); // 5 study + 5 bachelor
        assertThat(standing.map()).containsEntry("passed", false);
    }

    @Test
    void r23_units_with_their_failure_share_and_flag_for_the_org_department_and_own_unit_hr() {
        for (String refused : List.of("trainee", "inst")) {
            assertThat(call(HttpMethod.GET, "/api/credits/units?year=2026", refused, null).status()).as(refused)
                    .isEqualTo(403);
        }
        assertThat(call(HttpMethod.GET, "/api/credits/units", "orgstaff", null).message()).isEqualTo("请提供年度 year，如 2027");
        assertThat(call(HttpMethod.GET, "/api/credits/units?year=1999", "orgstaff", null).status()).isEqualTo(400);
        Reply all = call(HttpMethod.GET, "/api/credits/units?year=" + year, "manager", null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.list()).extracting(u -> u.get("unitCode")).contains("CD01", "DS01");
        assertThat(all.list()).allSatisfy(u -> assertThat(u).containsKeys("activeCadres", "failedCadres", "failureShare",
                "cannotBeAdvanced"));
        Reply own = call(HttpMethod.GET, "/api/credits/units?year=" + year, "unithr", null);
        assertThat(own.list()).extracting(u -> u.get("unitCode")).contains("CD01").doesNotContain("DS01");

        String standingPath = "/api/cadres/" + trainee + "/credits/standing";
        assertThat(call(HttpMethod.GET, standingPath + "?year=" + year, "trainee", null).status()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, standingPath, "trainee", null).message()).isEqualTo("请提供年度 year，如 2027");
        assertThat(call(HttpMethod.GET, standingPath + "?year=" + year, "inst", null).status()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, standingPath + "?year=abc", "orgstaff", null).message()).startsWith("请求格式错误");
    }
}
