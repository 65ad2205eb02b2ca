package cn.ganxun.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ganxun.GanxunApplication;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.coverage.CoverageWatchService;
import cn.ganxun.dashboard.DashboardBenchmark;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The city benchmark (issue 8) — not a test. Starts Ganxun on PostgreSQL (embedded, or
 * {@code -Dganxun.benchmark.jdbcUrl=} with {@code .user} / {@code .password}) with the demo city for the logins, the
 * job executor off (the benchmark runs the few jobs its figures wait for, as the executor would), generates the city
 * of {@code -Dganxun.benchmark.seed} ({@link CityGenerator}; {@code -Dganxun.benchmark.scale=0.1} for a tenth), then
 * measures and prints one table: filings per second through the REST API, rostering a 200-seat class by 20 units,
 * the coverage run for every cadre, the dashboard's views ({@link DashboardBenchmark#VIEWS}), Tasklist's task
 * queries for a unit HR user before and after the query settings (cmmn and standalone tasks off), peak heap,
 * database size, open tasks and timers, and pgbench's read-write TPS on the same server as the ceiling.
 */
public final class CityBenchmark {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private final List<String[]> table = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;
    private final int port;
    private final int warmup = Integer.getInteger("ganxun.benchmark.warmup", 5);
    private final int iterations = Integer.getInteger("ganxun.benchmark.iterations", 30);

    private CityBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
        this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.getLong("ganxun.benchmark.seed", 42);
        double scale = Double.parseDouble(System.getProperty("ganxun.benchmark.scale", "1"));
        CitySize full = CitySize.CITY;
        CitySize size = new CitySize(Math.max(12, (int) (full.units() * scale)), (int) (full.cadres() * scale),
                Math.max(1, (int) (full.historyClasses() * scale)), (int) (full.liveClasses() * scale),
                full.seatsPerClass());
        String jdbcUrl = System.getProperty("ganxun.benchmark.jdbcUrl");
        Path dir = Files.createTempDirectory("ganxun-city");
        Map<String, Object> properties = new HashMap<>();
        properties.put("ganxun.data-dir", dir.toString());
        properties.put("server.port", "0");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.put("ganxun.demo.follow-up", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("ganxun.test.infrastructure", "true");
        properties.put("spring.datasource.hikari.maximum-pool-size", "20");
        if (jdbcUrl == null) {
            properties.put("ganxun.test.database", "postgres");
        } else {
            properties.put("ganxun.test.database", "external");
            properties.put("spring.datasource.url", jdbcUrl);
            properties.put("spring.datasource.username", System.getProperty("ganxun.benchmark.user", "postgres"));
            properties.put("spring.datasource.password", System.getProperty("ganxun.benchmark.password", ""));
        }
        long started = System.nanoTime();
        // as command-line arguments: they override application.yaml (builder properties are only defaults)
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GanxunApplication.class).run(arguments)) {
            System.out.printf("%nGanxun started in %d s on %s; %d cores, max heap %d MB%n", seconds(started),
                    jdbcUrl == null ? "embedded PostgreSQL" : jdbcUrl, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            new CityBenchmark(app).run(seed, size);
        }
    }

    private void run(long seed, CitySize size) throws Exception {
        LocalDate asOf = EngineClock.today();
        if (count("SELECT COUNT(*) FROM unit WHERE code LIKE 'KU%'") > 0 && Boolean.getBoolean("ganxun.benchmark.reuse")) {
            System.out.println("the database holds a generated city: reused (-Dganxun.benchmark.reuse=true)");
        } else {
            generate(seed, asOf, size);
        }
        add("city: cadres / units", count("SELECT COUNT(*) FROM cadre") + " / " + count("SELECT COUNT(*) FROM unit"), "",
                "", "50,000 / 300 (+ demo)", "");
        add("city: classes / enrollments", count("SELECT COUNT(*) FROM training_class") + " / "
                + count("SELECT COUNT(*) FROM enrollment"), "", "", "~1,000 / 60,000 history", "");
        add("open tasks (ACT_RU_TASK)", count("SELECT COUNT(*) FROM ACT_RU_TASK"), "", "", "50,000", "");
        add("pending timers (ACT_RU_JOB)", count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'"), "", "",
                "30,000+", "");

        String tps = wanted("pgbench") ? pgbench() : "n/a";
        if (wanted("filings")) {
            filings(Integer.getInteger("ganxun.benchmark.filings", 300), Integer.getInteger("ganxun.benchmark.clients", 8),
                    tps);
            jdbc.sql("ANALYZE").update(); // the statistics autovacuum would bring after the new filings
        }
        if (wanted("roster")) {
            roster();
        }
        if (wanted("coverage")) {
            coverage(asOf);
        }
        if (wanted("dashboard") || wanted("home")) {
            for (DashboardBenchmark.View view : DashboardBenchmark.VIEWS) {
                if (wanted("dashboard") || view.name().startsWith("home ")) { // home: the portal home's views only
                    latency("dashboard: " + view.name(), view.user(), DashboardBenchmark.path(view, jdbc));
                }
            }
        }
        if (wanted("tasks")) {
            // before / after the query settings of application.yaml (cmmn-enabled, standalone-tasks-enabled: false)
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
                    .getProcessEngineConfiguration();
            configuration.setCmmnEnabled(true);
            configuration.setStandaloneTasksEnabled(true);
            taskQueries(" (cmmn, standalone on)");
            configuration.setCmmnEnabled(false);
            configuration.setStandaloneTasksEnabled(false);
            taskQueries(" (cmmn, standalone off)");
        }
        long heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
        add("peak heap (sum of heap pools' peaks)", String.valueOf(heap >> 20), "MB",
                "max " + (Runtime.getRuntime().maxMemory() >> 20) + " MB", "", "");
        add("database size", String.valueOf(count("SELECT pg_database_size(current_database())") >> 20), "MB", "", "", "");
        print();
    }

    /**
     * Whether {@code -Dganxun.benchmark.figures} (default: all) names the figure: pgbench, filings, roster, coverage,
     * dashboard, home (the dashboard's portal home views only), tasks.
     */
    private static boolean wanted(String figure) {
        String figures = System.getProperty("ganxun.benchmark.figures", "");
        return figures.isBlank() || Arrays.asList(figures.split(",")).contains(figure);
    }

    /** The city of {@code seed}: history set-based in one transaction, then the live follow-ups through the engine. */
    private void generate(long seed, LocalDate asOf, CitySize size) throws Exception {
        CityGenerator generator = new CityGenerator(jdbc, seed, asOf, size);
        long t = System.nanoTime();
        Map<String, Integer> rows = new TransactionTemplate(app.getBean(PlatformTransactionManager.class))
                .execute(status -> generator.generateHistory());
        System.out.printf("history of seed %d as of %s written set-based in %d s: %s%n", seed, asOf, seconds(t), rows);
        jdbc.sql("ANALYZE").update();
        t = System.nanoTime();
        int followUps = generator.openFollowUps(app.getBean(RuntimeService.class), app.getBean(ManagementService.class), 2);
        System.out.printf("%d follow-ups opened through the engine in %d s%n", followUps, seconds(t));
        jdbc.sql("ANALYZE").update();
    }

    /** pgbench -i -s 10 into a scratch database of the same server, then 20 s of its read-write mix (4 clients). */
    private String pgbench() {
        try {
            String url = jdbcUrlInUse();
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):?(\\d*)/([^?]*)").matcher(url);
            if (!m.find() || !new File("/usr/bin/pgbench").canExecute()) {
                add("pgbench read-write", "n/a", "tps", "", "", "apt-get install postgresql-client");
                return "n/a";
            }
            String host = m.group(1);
            String pgPort = m.group(2).isEmpty() ? "5432" : m.group(2);
            jdbc.sql("DROP DATABASE IF EXISTS ganxun_pgbench").update();
            jdbc.sql("CREATE DATABASE ganxun_pgbench").update();
            String user = app.getBeanProvider(EmbeddedPostgres.class).getIfAvailable() != null ? "postgres"
                    : app.getEnvironment().getProperty("spring.datasource.username", "postgres");
            exec(List.of("/usr/bin/pgbench", "-i", "-q", "-s", "10", "-h", host, "-p", pgPort, "-U", user, "ganxun_pgbench"));
            String out = exec(List.of("/usr/bin/pgbench", "-c", "4", "-j", "2", "-T", "20", "-h", host, "-p", pgPort, "-U",
                    user, "ganxun_pgbench"));
            jdbc.sql("DROP DATABASE ganxun_pgbench").update();
            Matcher tps = TPS.matcher(out);
            String value = tps.find() ? String.format("%.0f", Double.parseDouble(tps.group(1))) : "?";
            add("pgbench -s 10 -c 4 -j 2 -T 20 (TPC-B)", value, "tps", "the ceiling", "", "");
            return value;
        } catch (Exception e) {
            System.out.println("pgbench failed: " + e);
            add("pgbench read-write", "failed", "", "see the log", "", "");
            return "n/a";
        }
    }

    private String jdbcUrlInUse() {
        EmbeddedPostgres embedded = app.getBeanProvider(EmbeddedPostgres.class).getIfAvailable();
        return embedded != null ? embedded.getJdbcUrl("postgres", "postgres")
                : app.getEnvironment().getProperty("spring.datasource.url");
    }

    private String exec(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", app.getEnvironment().getProperty("spring.datasource.password", ""));
        Process process = builder.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> out.append(line).append('\n'));
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
        return out.toString();
    }

    /**
     * {@code count} filings of 40 participants, 60 days ahead, 80 % party teaching (so filing-rules.dmn sends each to
     * the approver's review), posted by {@code clients} concurrent clients as {@code inst}; the POST returns once the
     * class-filing instance waits in the approver's task (no async step before it). Checked afterwards in ACT_RU_TASK.
     */
    private void filings(int count, int clients, String tps) throws Exception {
        LocalDate start = EngineClock.today().plusDays(60);
        String body = """
                {"title":"城市规模测试班","classType":"TRAINING","topic":"锤炼党性","startDate":"%s","endDate":"%s",
                 "offJob":true,"plannedParticipants":40,"dispatchMode":"QUOTA","totalHours":30,
                 "courses":[{"title":"党的创新理论","hours":12,"category":"PARTY_THEORY"},
                            {"title":"党性修养","hours":12,"category":"PARTY_SPIRIT"},
                            {"title":"业务能力","hours":6,"category":"PROFESSIONAL"}]}"""
                .formatted(start, start.plusDays(4));
        long before = count("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_ReviewFiling'");
        for (int i = 0; i < 10; i++) {
            post("inst", "/api/class-filings", body); // warm-up
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                int n = 0;
                while (next.getAndIncrement() < count) {
                    post("inst", "/api/class-filings", body);
                    n++;
                }
                return n;
            }));
        }
        for (Future<Integer> f : done) {
            f.get();
        }
        double secondsTaken = (System.nanoTime() - t) / 1e9;
        pool.shutdown();
        long reviews = count("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_ReviewFiling'") - before - 10;
        double rate = reviews / secondsTaken;
        add("class filings, REST to approver's task (" + clients + " clients, " + reviews + ")",
                String.format("%.1f", rate), "filings/s", "pgbench " + tps + " tps", "≥ 100", rate >= 100 ? "pass" : "FAIL");
    }

    /**
     * A 200-seat class at 安排调训 (training-class started on an approved class), seats for 20 city units (10 each) planned
     * through {@code POST /api/classes/{id}/roster} as orgstaff; each unit's HR account nominates 10 of its active cadres
     * through {@code POST /api/quota-allocations/{id}/nominations}, all 20 at once. Time from the first nomination to
     * class_roster FINAL; the asynchronous steps on the way (the units' notices, the mandates' join) are run by the
     * benchmark as soon as they exist, in place of the job executor.
     */
    private void roster() throws Exception {
        TrainingFixtures fixtures = app.getBean(TrainingFixtures.class);
        TestDirectory directory = app.getBean(TestDirectory.class);
        ManagementService management = app.getBean(ManagementService.class);
        LocalDate start = EngineClock.today().plusDays(40);
        long classId = fixtures.trainingClass("城市规模调训测试", start, start.plusDays(4), true);
        jdbc.sql("UPDATE training_class SET planned_participants = 200 WHERE id = ?").param(classId).update();
        fixtures.course(classId, "PARTY_THEORY", 30);
        String number = fixtures.classNumber(classId);
        app.getBean(RuntimeService.class).startProcessInstanceByKey(TrainingClassProcess.KEY, number,
                Map.of(TrainingClassProcess.Vars.CLASS_ID, classId));
        List<Map<String, Object>> units = jdbc.sql("""
                SELECT u.id, u.code FROM unit u WHERE u.code LIKE 'KU%' AND
                       (SELECT COUNT(*) FROM cadre c WHERE c.unit_id = u.id AND c.status = 'ACTIVE') >= 10
                 ORDER BY u.code FETCH FIRST 20 ROWS ONLY""").query().listOfRows();
        StringBuilder plan = new StringBuilder("{\"enrollmentDeadline\":\"" + LocalDateTime.now().plusDays(20).withNano(0)
                + "\",\"reviewNominations\":false,\"allocations\":[");
        for (Map<String, Object> unit : units) {
            String code = (String) unit.get("code");
            String user = directory.user("hr-" + code.toLowerCase(), Groups.UNIT_HR, Groups.unitHr(code));
            if (count("SELECT COUNT(*) FROM account_binding WHERE user_id = 'hr-" + code.toLowerCase() + "'") == 0) {
                directory.bindToUnit(user, ((Number) unit.get("id")).longValue());
            }
            plan.append(plan.charAt(plan.length() - 1) == '[' ? "" : ",").append("{\"unitId\":").append(unit.get("id"))
                    .append(",\"seats\":10}");
        }
        plan.append("]}");
        String answer = post("orgstaff", "/api/classes/" + classId + "/roster", plan.toString());
        List<Long> allocations = new ArrayList<>();
        json.readTree(answer).get("quotaAllocations").forEach(a -> allocations.add(a.asLong()));
        runJobs(management, number);
        ExecutorService pool = Executors.newFixedThreadPool(allocations.size());
        List<Future<String>> done = new ArrayList<>();
        long t = System.nanoTime();
        for (long allocation : allocations) {
            Map<String, Object> row = jdbc.sql("""
                    SELECT u.code, u.id FROM quota_allocation a JOIN unit u ON u.id = a.unit_id WHERE a.id = ?""")
                    .param(allocation).query().singleRow();
            List<Long> cadres = jdbc.sql("""
                    SELECT c.id FROM cadre c WHERE c.unit_id = ? AND c.status = 'ACTIVE'
                     ORDER BY c.cadre_number FETCH FIRST 10 ROWS ONLY""")
                    .param(row.get("id")).query(Long.class).list();
            String user = "hr-" + ((String) row.get("code")).toLowerCase();
            done.add(pool.submit(() -> post(user, "/api/quota-allocations/" + allocation + "/nominations",
                    "{\"cadreIds\":" + cadres + "}")));
        }
        for (Future<String> f : done) {
            f.get();
        }
        pool.shutdown();
        while (count("SELECT COUNT(*) FROM class_roster WHERE class_id = " + classId + " AND status = 'FINAL'") == 0) {
            if (runJobs(management, number) == 0) {
                Thread.sleep(20);
            }
            if (System.nanoTime() - t > 120e9) {
                throw new IllegalStateException("roster not final after 120 s");
            }
        }
        double secondsTaken = (System.nanoTime() - t) / 1e9;
        add("rostering 200 seats, 20 units nominating at once", String.format("%.2f", secondsTaken), "s", "", "", "");
    }

    /**
     * Runs the due asynchronous continuations, in place of the job executor (the city's other work has none due: its
     * follow-ups are open, its timers lie ahead).
     */
    private int runJobs(ManagementService management, String classNumber) {
        List<Job> jobs = management.createJobQuery().messages().executable().list();
        jobs.forEach(job -> management.executeJob(job.getId()));
        return jobs.size();
    }

    /** The coverage-watch snapshot for every active cadre (one INSERT … SELECT), three times; median and worst. */
    private void coverage(LocalDate asOf) {
        CoverageWatchService watch = app.getBean(CoverageWatchService.class);
        double[] s = new double[3];
        int cadres = 0;
        for (int i = 0; i < s.length; i++) {
            long t = System.nanoTime();
            cadres = watch.compute(asOf, null, "benchmark", null).cadres();
            s[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(s);
        add("coverage run for all " + cadres + " active cadres (median of 3)", String.format("%.2f", s[1]), "s",
                "max " + String.format("%.2f", s[2]) + " s", "< 5 s", s[1] < 5 ? "pass" : "FAIL");
    }

    /**
     * Tasklist's queries for unithr (CD01) with every open task of the city in the engine: the list of its candidate
     * group's tasks as Tasklist's group filter asks it, the count beside it, and the "all tasks" filter list.
     */
    private void taskQueries(String variant) throws Exception {
        latency("task list candidateGroup=unit-hr-cd01" + variant, "unithr",
                "/engine-rest/task?candidateGroups=unit-hr-cd01&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15");
        latency("task count candidateUser=unithr" + variant, "unithr",
                "/engine-rest/task/count?candidateUser=unithr&includeAssignedTasks=true");
        String filterId = json.readTree(get("unithr", "/engine-rest/filter?resourceType=Task")).get(0).get("id").asText();
        latency("task filter 全部任务 list" + variant, "unithr",
                "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
    }

    private void latency(String name, String user, String path) throws Exception {
        for (int i = 0; i < warmup; i++) {
            get(user, path);
        }
        double[] millis = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            get(user, path);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        double p95 = DashboardBenchmark.percentile(millis, 95);
        add(name, String.format("%.0f / %.0f", DashboardBenchmark.percentile(millis, 50), p95), "ms p50/p95", "",
                "p95 < 300", p95 < 300 ? "pass" : "FAIL");
    }

    private String get(String user, String path) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), path);
    }

    private String post(String user, String path, String body) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    private String send(String user, HttpRequest.Builder request, String path) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void add(String figure, Object value, String unit, String ceiling, String target, String verdict) {
        table.add(new String[] {figure, String.valueOf(value), unit, ceiling, target, verdict});
        System.out.printf("  %s: %s %s%n", figure, value, unit);
    }

    private void print() {
        String format = "| %-62s | %14s | %-10s | %-22s | %-22s | %-4s |%n";
        System.out.printf("%n" + format, "figure", "value", "unit", "ceiling", "target", "");
        System.out.printf(format, "-".repeat(62), "-".repeat(14), "-".repeat(10), "-".repeat(22), "-".repeat(22), "----");
        table.forEach(row -> System.out.printf(format, (Object[]) row));
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }
}
