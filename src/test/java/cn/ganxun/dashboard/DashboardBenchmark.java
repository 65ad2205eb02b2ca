package cn.ganxun.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ganxun.GanxunApplication;
/**
 * Dashboard latency on the demo city (issue 7: every view under 300 ms) — a benchmark, not a test. Starts the whole
 * application on a fresh H2 database in a temporary directory (or, with {@code -Dganxun.benchmark.db=postgres}, on an
 * embedded PostgreSQL), lets the demo loader build the city, then calls every view of {@link #VIEWS} over HTTP as
 * its user: {@code ganxun.benchmark.warmup} calls (default 10) not measured, then {@code ganxun.benchmark.iterations}
 * (default 50) measured, and prints view, p50, p95, max and the rows answered.
 *
 * <p>Run: {@code mvn -B -Pbenchmark test} (add {@code -Dganxun.benchmark.db=postgres} for PostgreSQL). Add a view by
 * appending a line to {@link #VIEWS}.
 */
public final class DashboardBenchmark {

    /** One measured request: a name for the table, the demo login that calls it, the path with its query. */
    public record View(String name, String user, String path) {
    }

    /** The dashboard's views, measured here on the demo city and by the city benchmark (cn.ganxun.benchmark). */
    public static final List<View> VIEWS = List.of(
            new View("coverage by unit (manager)", "manager", "/api/portal/dashboard/coverage?groupBy=unit"),
            new View("coverage by rank (manager)", "manager", "/api/portal/dashboard/coverage?groupBy=rank"),
            new View("coverage by unit (unithr)", "unithr", "/api/portal/dashboard/coverage?groupBy=unit"),
            new View("coverage cadres RED (manager)", "manager", "/api/coverage/cadres?light=RED&size=20"),
            new View("coverage cadres (unithr)", "unithr", "/api/coverage/cadres?size=20"),
            new View("approvals", "manager", "/api/portal/dashboard/approvals"),
            new View("approvals list", "manager", "/api/portal/dashboard/approvals/list"),
            new View("mandates (manager)", "manager", "/api/portal/dashboard/mandates"),
            new View("mandates (unithr)", "unithr", "/api/portal/dashboard/mandates"),
            new View("mandates list", "manager", "/api/portal/dashboard/mandates/list"),
            new View("follow-up (manager)", "manager", "/api/portal/dashboard/follow-up"),
            new View("follow-up (unithr)", "unithr", "/api/portal/dashboard/follow-up"),
            new View("follow-up list", "manager", "/api/portal/dashboard/follow-up/list"),
            new View("deliveries", "manager", "/api/portal/dashboard/deliveries"),
            new View("deliveries list", "manager", "/api/portal/dashboard/deliveries/list"),
            new View("incidents", "manager", "/api/portal/dashboard/incidents"),
            new View("incidents list", "manager", "/api/portal/dashboard/incidents/list"),
            new View("class stages (manager)", "manager", "/api/portal/classes/stages"),
            new View("class stages (unithr)", "unithr", "/api/portal/classes/stages"),
            new View("class list (manager)", "manager", "/api/portal/classes?size=20"),
            new View("home tasks (unithr)", "unithr", "/api/portal/home/tasks"),
            new View("home figures (manager)", "manager", "/api/portal/home/figures"),
            new View("home figures (unithr)", "unithr", "/api/portal/home/figures"),
            new View("unit nominations (unithr)", "unithr", "/api/portal/units/{CD01}/nominations"));

    private static final List<String> ROW_FIELDS = List.of("items", "groups", "bands", "units", "kinds", "activities",
            "stages", "figures");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("ganxun.benchmark.warmup", 10);
        int iterations = Integer.getInteger("ganxun.benchmark.iterations", 50);
        boolean postgres = "postgres".equalsIgnoreCase(System.getProperty("ganxun.benchmark.db", "h2"));
        Path dir = Files.createTempDirectory("ganxun-benchmark");
        Map<String, Object> properties = new HashMap<>();
        properties.put("ganxun.data-dir", dir.toString());
        properties.put("server.port", "0");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        // the test classpath's parts (testsupport): a GreenMail server for the demo's mail and, for PostgreSQL, an
        // embedded server under target/ (TestInfrastructureAutoConfiguration)
        properties.put("ganxun.test.infrastructure", "true");
        if (postgres) {
            properties.put("ganxun.test.database", "postgres");
        }
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GanxunApplication.class)
                .properties(properties).run()) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            System.out.printf("%nGanxun started on %s with the demo city in %d s; %d warm-up and %d measured calls per view%n%n",
                    postgres ? "PostgreSQL (embedded)" : "H2 (file, temporary directory)",
                    (System.nanoTime() - started) / 1_000_000_000L, warmup, iterations);
            run(port, warmup, iterations, app.getBean(JdbcClient.class));
        }
    }

    /** The view's path with the demo unit CD01 (unithr's unit), which a path may name as {@code {CD01}}, filled in. */
    public static String path(View view, JdbcClient jdbc) {
        return view.path().contains("{CD01}") ? view.path().replace("{CD01}",
                jdbc.sql("SELECT id FROM unit WHERE code = 'CD01'").query(String.class).single()) : view.path();
    }

    private static void run(int port, int warmup, int iterations, JdbcClient jdbc)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        System.out.printf("%-32s %8s %8s %8s %6s%n", "view", "p50 ms", "p95 ms", "max ms", "rows");
        List<String> slow = new ArrayList<>();
        for (View view : VIEWS) {
            String path = path(view, jdbc);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((view.user() + ":" + view.user()).getBytes(StandardCharsets.UTF_8)))
                    .GET().build();
            String body = null;
            for (int i = 0; i < warmup; i++) {
                body = send(client, request, view);
            }
            double[] millis = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                body = send(client, request, view);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            double p95 = percentile(millis, 95);
            System.out.printf("%-32s %8.1f %8.1f %8.1f %6d%n", view.name(), percentile(millis, 50), p95,
                    millis[millis.length - 1], rows(json.readTree(body)));
            if (p95 >= 300) {
                slow.add(view.name());
            }
        }
        System.out.println(slow.isEmpty() ? "\nevery view: p95 < 300 ms" : "\np95 ≥ 300 ms: " + String.join(", ", slow));
    }

    private static String send(HttpClient client, HttpRequest request, View view) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(view.name() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Rows answered: the length of the first list the answer holds (items, groups, bands, …), else 1. */
    private static int rows(JsonNode answer) {
        return ROW_FIELDS.stream().map(answer::get).filter(node -> node != null && node.isArray()).findFirst()
                .map(JsonNode::size).orElse(1);
    }

    /** Nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
