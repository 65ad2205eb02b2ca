package cn.ganxun.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.FollowUpFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The sample and the unit visits over real HTTP with the demo logins: who may read, write and redraw, Chinese 400s,
 * and attachments (a real PDF and PNG) uploaded and downloaded with their Chinese names, wrong types and oversize
 * files refused.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class VisitApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate http;
    @Autowired TrainingFixtures fixtures;
    @Autowired FollowUpFixtures followUps;
    @Autowired SampleDrawService samples;
    @Autowired JdbcClient jdbc;

    LocalDate classEnd;
    long followUp;

    /** A class of the demo party school (DX01, the "inst" login) that ended 40 days ago: 4 trainees in 2 units. */
    @BeforeEach
    void setUp() {
        classEnd = EngineClock.today().minusDays(40);
        long classId = fixtures.trainingClass("走访接口", classEnd.minusDays(4), classEnd, true);
        jdbc.sql("UPDATE training_class SET institution_id = (SELECT id FROM institution WHERE code = 'DX01') WHERE id = ?")
                .param(classId).update();
        for (String name : List.of("接口测试局", "接口测试镇")) {
            long unit = fixtures.unit(name);
            fixtures.enroll(classId, fixtures.cadre(unit, Rank.COUNTY_DEPUTY), "COMPLETED", 32.0);
            fixtures.enroll(classId, fixtures.cadre(unit, Rank.COUNTY_DEPUTY), "COMPLETED", 32.0);
        }
        followUp = followUps.openFollowUp(classId, classEnd, classEnd.plusMonths(10));
        samples.draw(followUp, "followlead");
    }

    private ResponseEntity<Map<String, Object>> call(HttpMethod method, String path, String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange("/api/follow-ups" + path, method, new HttpEntity<>(body, headers), OBJECT);
    }

    private long firstVisit() {
        return samples.confirm(followUp, "followlead").get(0);
    }

    @Test
    void theTeamOrgDepartmentManagersAndTheClassInstitutionReadNobodyElse() {
        for (String reader : List.of("followup", "followlead", "orgstaff", "manager", "inst")) {
            ResponseEntity<Map<String, Object>> sample = call(HttpMethod.GET, "/" + followUp + "/sample", reader, null);
            assertThat(sample.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            assertThat(sample.getBody()).containsEntry("reproduces", true);
            assertThat((List<?>) sample.getBody().get("history")).hasSize(1);
        }
        long visit = firstVisit();
        for (String outsider : List.of("unithr", "trainee", "inst2")) {
            assertThat(call(HttpMethod.GET, "/" + followUp + "/sample", outsider, null).getStatusCode()).as(outsider)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(call(HttpMethod.GET, "/" + followUp + "/visits", outsider, null).getStatusCode()).as(outsider)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<Map<String, Object>> details = call(HttpMethod.GET, "/visits/" + visit, outsider, null);
            assertThat(details.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((String) details.getBody().get("message")).startsWith("无权访问");
        }
        assertThat(call(HttpMethod.GET, "/visits/" + visit, "inst", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call(HttpMethod.GET, "/999999/sample", "followup", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(HttpMethod.GET, "/visits/999999", "followup", null).getBody())
                .containsEntry("message", "走访记录不存在：999999");
    }

    @Test
    void r27_onlyTheLeadRedrawsAndOnlyWithAReason() {
        assertThat(call(HttpMethod.POST, "/" + followUp + "/sample/redraw", "followup", Map.of("reason", "换人")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.POST, "/" + followUp + "/sample/redraw", "orgstaff", Map.of("reason", "换人")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> noReason = call(HttpMethod.POST, "/" + followUp + "/sample/redraw", "followlead",
                Map.of("reason", ""));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).containsEntry("message", "重新抽样须说明理由（R27）");

        ResponseEntity<Map<String, Object>> redrawn = call(HttpMethod.POST, "/" + followUp + "/sample/redraw", "followlead",
                Map.of("reason", "抽中学员已调离本市"));
        assertThat(redrawn.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(redrawn.getBody()).containsEntry("drawNo", 2).containsEntry("reason", "抽中学员已调离本市")
                .containsEntry("drawnBy", "followlead");

        Map<String, Object> sample = call(HttpMethod.GET, "/" + followUp + "/sample", "followup", null).getBody();
        assertThat((List<?>) sample.get("history")).hasSize(2);
        assertThat(map(sample.get("current"))).containsEntry("drawNo", 2);
        assertThat(sample).containsEntry("reproduces", true);
    }

    @Test
    void r29_interviewsAreLoggedByTheTeamWithChineseRefusals() {
        long visit = firstVisit();
        Map<String, Object> good = Map.of("heldOn", classEnd.plusDays(10).toString(), "method", "INDIVIDUAL_TALK",
                "interviewees", List.of("TRAINEE", "UNIT_LEADER"), "findings", "推动重点项目按期落地",
                "scores", List.of(Map.of("indicatorCode", "DECISION_RESULTS", "source", "UNIT_LEADER", "score", 88),
                        Map.of("indicatorCode", "APPLIED_LEARNING", "source", "SELF", "score", 90.5)));
        ResponseEntity<Map<String, Object>> created = call(HttpMethod.POST, "/visits/" + visit + "/interviews", "followup", good);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(((Number) created.getBody().get("id")).longValue()).isPositive();

        Map<String, Object> outOfRange = Map.of("heldOn", classEnd.minusDays(2).toString(), "method", "SEMINAR",
                "interviewees", List.of("COLLEAGUES"), "findings", "座谈",
                "scores", List.of(Map.of("indicatorCode", "DECISION_RESULTS", "source", "COLLEAGUES", "score", 101)));
        ResponseEntity<Map<String, Object>> refused = call(HttpMethod.POST, "/visits/" + visit + "/interviews", "followup", outOfRange);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message"))
                .contains("访谈日期不能早于培训班结业日期 " + classEnd, "指标「决策部署转化成效」的得分须在 0–100 之间（R29）");
        ResponseEntity<Map<String, Object>> badMethod = call(HttpMethod.POST, "/visits/" + visit + "/interviews", "followup",
                Map.of("heldOn", classEnd.plusDays(3).toString(), "method", "PHONE_CALL"));
        assertThat(badMethod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badMethod.getBody().get("message")).startsWith("请求格式错误");

        for (String reader : List.of("orgstaff", "manager", "inst", "unithr", "trainee")) {
            assertThat(call(HttpMethod.POST, "/visits/" + visit + "/interviews", reader, good).getStatusCode()).as(reader)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(call(HttpMethod.POST, "/visits/999999/interviews", "followup", good).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        Map<String, Object> details = call(HttpMethod.GET, "/visits/" + visit, "orgstaff", null).getBody();
        assertThat(map(details.get("visit"))).containsEntry("interviews", 1).containsEntry("traineeLevel", "LEADER")
                .containsEntry("status", "DUE");
        List<Map<String, Object>> interviews = list(details.get("interviews"));
        assertThat(interviews).hasSize(1);
        assertThat(interviews.get(0)).containsEntry("findings", "推动重点项目按期落地");
        assertThat(list(interviews.get(0).get("scores"))).hasSize(2);
        assertThat(list(details.get("indicators"))).extracting(i -> i.get("name"))
                .containsExactly("决策部署转化成效", "政治素质提升", "学以致用");
        assertThat(list(details.get("attachments"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private ResponseEntity<Map<String, Object>> upload(long visit, String user, String fileName, String contentType, byte[] content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(contentType));
        part.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName).build());
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content), part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).exchange("/api/follow-ups/visits/" + visit + "/attachments", HttpMethod.POST,
                new HttpEntity<>(body, headers), OBJECT);
    }

    @Test
    void attachmentsRoundTripWithTheirChineseNamesAndBadFilesAreRefused() throws IOException {
        long visit = firstVisit();
        byte[] pdf = pdf();
        byte[] png = png();
        ResponseEntity<Map<String, Object>> storedPdf = upload(visit, "followup", "个别谈话记录.pdf", "application/pdf", pdf);
        assertThat(storedPdf.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(storedPdf.getBody()).containsEntry("fileName", "个别谈话记录.pdf").containsEntry("contentType", "application/pdf")
                .containsEntry("sizeBytes", pdf.length).containsEntry("uploadedBy", "followup");
        ResponseEntity<Map<String, Object>> storedPng = upload(visit, "followlead", "座谈会现场.png", "image/png", png);
        assertThat(storedPng.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        for (Map<String, Object> stored : List.of(storedPdf.getBody(), storedPng.getBody())) {
            ResponseEntity<byte[]> download = http.withBasicAuth("inst", "inst").getForEntity(
                    "/api/follow-ups/visits/" + visit + "/attachments/" + stored.get("id"), byte[].class);
            assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType((String) stored.get("contentType")));
            ContentDisposition disposition = download.getHeaders().getContentDisposition();
            assertThat(disposition.isAttachment()).isTrue();
            assertThat(disposition.getFilename()).isEqualTo(stored.get("fileName"));
            assertThat(download.getBody()).isEqualTo(stored == storedPdf.getBody() ? pdf : png);
        }
        assertThat(http.withBasicAuth("unithr", "unithr").getForEntity(
                "/api/follow-ups/visits/" + visit + "/attachments/" + storedPdf.getBody().get("id"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("followup", "followup").getForEntity(
                "/api/follow-ups/visits/" + firstOtherVisit(visit) + "/attachments/" + storedPdf.getBody().get("id"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(list(call(HttpMethod.GET, "/visits/" + visit, "followup", null).getBody().get("attachments")))
                .extracting(a -> a.get("fileName")).containsExactly("个别谈话记录.pdf", "座谈会现场.png");

        ResponseEntity<Map<String, Object>> text = upload(visit, "followup", "访谈提纲.txt", "text/plain", "提纲".getBytes());
        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text.getBody()).containsEntry("message", "仅支持 PDF、JPEG、PNG 格式的附件：「访谈提纲.txt」");
        ResponseEntity<Map<String, Object>> fake = upload(visit, "followup", "伪装.pdf", "application/pdf", png);
        assertThat(fake.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fake.getBody()).containsEntry("message", "附件「伪装.pdf」的内容不是有效的 PDF 文件");
        assertThat(upload(visit, "orgstaff", "个别谈话记录.pdf", "application/pdf", pdf).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        byte[] oversize = new byte[10 * 1024 * 1024 + 1024];
        System.arraycopy(pdf, 0, oversize, 0, pdf.length);
        HttpResponse<String> tooLarge = rawUpload(visit, "followup", "扫描件.pdf", oversize);
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("上传文件过大：单个文件不能超过 10 MB");
        assertThat(list(call(HttpMethod.GET, "/visits/" + visit, "followup", null).getBody().get("attachments"))).hasSize(2);
    }

    /**
     * A multipart upload by the JDK client, which reads an early answer while still sending: the server refuses an
     * oversize file before reading all of it.
     */
    private HttpResponse<String> rawUpload(long visit, String user, String fileName, byte[] content) {
        String boundary = "ganxun-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/follow-ups/visits/" + visit + "/attachments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long firstOtherVisit(long visit) {
        return samples.confirm(followUp, "followlead").stream().filter(id -> id != visit).findFirst().orElseThrow();
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xC00000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
