package cn.ganxun.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import cn.ganxun.platform.JobAcquisitionIndex;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

/**
 * Two Ganxun nodes on one PostgreSQL (issue 8, points 2–4) — a benchmark and proof, not a test. The harness starts an
 * embedded PostgreSQL (or uses {@code -Dganxun.cluster.jdbcUrl=}), a GreenMail SMTP server in this JVM, and Ganxun
 * nodes as separate JVMs ({@link Node}) on profile {@code postgres}. It writes, per batch of N timers, N trainees in
 * N / {@code ganxun.cluster.traineesPerClass} ended classes with confirmed results, starts each class's
 * {@code follow-up} through the engine REST API of the nodes (the async 开始训后跟踪 jobs open the follow-ups: one
 * learning-summary subprocess per trainee, each with its own 心得到期 timer), and then, per scenario, moves one batch's
 * 心得到期 timers due at once: each fires on some node and, in the timer's own job, 催交学习心得 mails its trainee once
 * through the outbox. Measured from ACT_HI_JOB_LOG: jobs (one per timer), seconds from the due time to the last job's end,
 * jobs/s, how late the last timer fired, how many follow-ups were drained at once (the jobs of one process instance are
 * exclusive: one at a time); proven from GreenMail, mail_outbox and the job log: no duplicate (a mail, an outbox row or
 * a job run twice) and nothing lost. The kill scenario SIGKILLs node 2 while it holds locked jobs and shows each of them
 * run once on node 1 after its lock ({@code ganxun.cluster.lockTimeMs}) expired.
 *
 * <p>Run: {@code mvn -B -o -Pbenchmark test-compile exec:java@cluster-benchmark} with optional
 * {@code -Dganxun.cluster.timers=10000 -Dganxun.cluster.scenarios=baseline,settings,index,two-nodes,kill} (a scenario
 * may name its own count: {@code index:10000,kill:2000}; every count a multiple of
 * {@code -Dganxun.cluster.traineesPerClass=50}) {@code
 * -Dganxun.cluster.lockTimeMs=20000 -Dganxun.cluster.settings=max-pool-size=4,queue-capacity=8}.
 */
public final class ClusterBenchmark {

    /** application-postgres.yaml's job executor settings before the tuning of issue 8: the "old settings" rows */
    static final Map<String, String> OLD_SETTINGS = Map.of("core-pool-size", "3", "max-pool-size", "10", "queue-capacity",
            "10", "max-jobs-per-acquisition", "5", "wait-time-in-millis", "5000", "max-wait", "60000",
            "backoff-time-in-millis", "0");

    record Scenario(String key, String title, int nodes, boolean oldSettings, boolean index, boolean kill) {
    }

    static final List<Scenario> CATALOG = List.of(
            new Scenario("baseline", "old settings, no index", 1, true, false, false),
            new Scenario("settings", "tuned settings, no index", 1, false, false, false),
            new Scenario("index", "tuned settings + index", 1, false, true, false),
            new Scenario("two-nodes", "tuned settings + index", 2, false, true, false),
            new Scenario("kill", "node 2 killed mid-run", 2, false, true, true));

    /** A scenario and how many timers fall due at once in it. */
    record Batch(Scenario scenario, int timers) {
    }

    /** A line of the table; {@code atOnce}: follow-ups drained at once on average (NaN for the setup line). */
    record Row(String scenario, int nodes, long followUps, long jobs, double seconds, double lastTimerLate, double atOnce,
            long duplicates, long resent, long lost, String byNode) {
    }

    private final Database db;
    private final GreenMail mail;
    private final int lockTime;
    private final int basePort;
    private final String heap;
    private final Map<String, String> tunedOverrides;
    private final List<Node> nodes = new ArrayList<>();
    private boolean nodesOnOldSettings;
    private final List<Row> rows = new ArrayList<>();

    private ClusterBenchmark(Database db, GreenMail mail) {
        this.db = db;
        this.mail = mail;
        this.lockTime = Integer.getInteger("ganxun.cluster.lockTimeMs", 20_000);
        this.basePort = Integer.getInteger("ganxun.cluster.port", 18080);
        this.heap = System.getProperty("ganxun.cluster.heap", "768m");
        this.tunedOverrides = settings(System.getProperty("ganxun.cluster.settings", ""));
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int traineesPerClass = Integer.getInteger("ganxun.cluster.traineesPerClass", 50);
        List<Batch> scenarios = batches(
                System.getProperty("ganxun.cluster.scenarios", "baseline,settings,index,two-nodes,kill"),
                Integer.getInteger("ganxun.cluster.timers", 10_000), traineesPerClass);
        GreenMail mail = startMail();
        String external = System.getProperty("ganxun.cluster.jdbcUrl");
        EmbeddedPostgres postgres = null;
        Database db;
        if (external != null) {
            db = new Database(external, System.getProperty("ganxun.cluster.jdbcUser", "ganxun"),
                    System.getProperty("ganxun.cluster.jdbcPassword", ""), traineesPerClass);
        } else {
            File dir = new File("target/cluster/postgres-" + System.currentTimeMillis());
            postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(true)
                    .setOverrideWorkingDirectory(new File(dir, "work")).setDataDirectory(new File(dir, "data"))
                    .setCleanDataDirectory(true).setServerConfig("max_connections", "200")
                    .setServerConfig("synchronous_commit", System.getProperty("ganxun.cluster.synchronousCommit", "on"))
                    .setServerConfig("fsync", System.getProperty("ganxun.cluster.fsync", "on"))
                    .start();
            db = new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", traineesPerClass);
        }
        ClusterBenchmark benchmark = new ClusterBenchmark(db, mail);
        try {
            benchmark.run(scenarios);
        } finally {
            benchmark.stopNodes();
            mail.stop();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /**
     * The scenarios and their batch sizes from {@code key[:timers],…}. A batch is whole follow-ups: each holds one due
     * timer per trainee, so a batch size that is not a multiple of the trainees per class is refused before anything
     * starts.
     */
    static List<Batch> batches(String spec, int defaultTimers, int traineesPerClass) {
        if (traineesPerClass < 1) {
            throw new IllegalArgumentException("ganxun.cluster.traineesPerClass must be at least 1, not " + traineesPerClass);
        }
        List<Batch> batches = new ArrayList<>();
        for (String item : spec.split(",")) {
            String[] keyAndTimers = item.trim().split(":");
            Scenario scenario = CATALOG.stream().filter(s -> s.key().equals(keyAndTimers[0])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + item + "; known: " + CATALOG));
            int timers = keyAndTimers.length > 1 ? Integer.parseInt(keyAndTimers[1]) : defaultTimers;
            if (timers < traineesPerClass || timers % traineesPerClass != 0) {
                throw new IllegalArgumentException("scenario " + item.trim() + ": " + timers + " due timers are not a"
                        + " multiple of ganxun.cluster.traineesPerClass=" + traineesPerClass + " (a batch is whole"
                        + " follow-ups, one due timer per trainee); take e.g. " + scenario.key() + ":"
                        + Math.max(1, Math.round((double) timers / traineesPerClass)) * traineesPerClass
                        + " or set -Dganxun.cluster.traineesPerClass");
            }
            batches.add(new Batch(scenario, timers));
        }
        return batches;
    }

    /**
     * GreenMail in a thread group of its own: a node killed mid-conversation resets its SMTP connection, and that
     * connection's thread must not count as a failure of exec:java's main thread group.
     */
    private static GreenMail startMail() throws InterruptedException {
        ThreadGroup group = new ThreadGroup("smtp") {
            @Override
            public void uncaughtException(Thread thread, Throwable e) {
                System.out.println("SMTP connection dropped (a killed node): " + e.getMessage());
            }
        };
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        Thread starter = new Thread(group, mail::start);
        starter.start();
        starter.join();
        return mail;
    }

    private void run(List<Batch> batches) throws Exception {
        int total = batches.stream().mapToInt(Batch::timers).sum();
        System.out.printf("%nCluster benchmark: %s due timers, %d trainees per class; lock time %d ms; %d cores (shared"
                + " with other builds); PostgreSQL %s (synchronous_commit %s, fsync %s)%n", batches.stream()
                        .map(b -> b.scenario().key() + " " + b.timers()).toList(), db.traineesPerClass(), lockTime,
                Runtime.getRuntime().availableProcessors(), db.url().contains("localhost:") ? "on this machine" : db.url(),
                show("synchronous_commit"), show("fsync"));
        long started = System.nanoTime();
        ensureNodes(2, false);
        int classes = total / db.traineesPerClass();
        System.out.printf("2 nodes up in %d s; writing %d trainees in %d classes of %d%n", seconds(started), total, classes,
                db.traineesPerClass());
        db.createFixtures(total);
        Row open = startFollowUps(classes, total);
        rows.add(open);
        System.out.printf("%d follow-ups opened by async jobs in %.0f s (%.1f follow-ups/s, %.0f trainees/s); ACT_RU_JOB"
                + " now holds %d rows%n", classes, open.seconds(), open.jobs() / open.seconds(), total / open.seconds(),
                db.runtimeJobs());
        int from = 1;
        for (Batch batch : batches) {
            rows.add(runScenario(batch.scenario(), from, from + batch.timers()));
            from += batch.timers();
            printTable();
        }
    }

    /**
     * Starts one follow-up per class over the engine REST API (both nodes, 8 clients), waits until all are open, and
     * checks that they hold one 心得到期 timer per trainee.
     */
    private Row startFollowUps(int classes, int trainees) throws Exception {
        Map<Integer, Long> classIds = db.classIds();
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((Node.ADMIN + ":" + Node.ADMIN)
                .getBytes(StandardCharsets.UTF_8));
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        for (Map.Entry<Integer, Long> c : classIds.entrySet()) {
            Node node = nodes.get(c.getKey() % nodes.size());
            calls.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port()
                                + "/engine-rest/process-definition/key/follow-up/start"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\":\"" + Database.classNumber(c.getKey())
                                + "\",\"variables\":{\"classId\":{\"value\":" + c.getValue() + ",\"type\":\"Long\"}}}"))
                        .build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("start " + c.getKey() + ": " + response.statusCode() + " " + response.body());
                }
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
        System.out.printf("%d follow-up instances started over REST in %d s%n", classes, seconds(started));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        while (db.openedFollowUps() < classes || db.jobsOf(Database.OPEN) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("follow-ups not opened within an hour: " + db.openedFollowUps());
            }
            Thread.sleep(2000);
        }
        double secs = (System.nanoTime() - started) / 1e9;
        long summaryTimers = db.jobsOf(Database.SUMMARY_DUE);
        if (summaryTimers != trainees) {
            throw new IllegalStateException(classes + " follow-ups of " + db.traineesPerClass() + " trainees hold "
                    + summaryTimers + " 心得到期 timers, not " + trainees);
        }
        return new Row("start + open follow-ups (REST, async job)", nodes.size(), classes, classes, secs, Double.NaN,
                Double.NaN, 0, 0, classes - db.openedFollowUps(), "");
    }

    private Row runScenario(Scenario s, int from, int to) throws Exception {
        ensureNodes(s.nodes(), s.oldSettings());
        db.execute(s.index() ? JobAcquisitionIndex.DDL : "DROP INDEX IF EXISTS " + JobAcquisitionIndex.NAME);
        db.execute("ANALYZE act_ru_job");
        Thread.sleep(3000);
        Timestamp due = new Timestamp(System.currentTimeMillis());
        int moved = db.makeDue(from, to, due);
        System.out.printf("%n[%s] %d timers of %d follow-ups (trainees %d..%d, classes %s..%s) due at %s on %d node(s)%n",
                s.key(), moved, (to - from) / db.traineesPerClass(), from, to - 1, Database.classNumber(db.classOf(from)),
                Database.classNumber(db.classOf(to - 1)), due, nodes.size());
        List<Database.LockedJob> orphans = List.of();
        Timestamp killedAt = null;
        if (s.kill()) {
            // lock owners are random per node: learn which is node 2's from jobs seen locked that node 2 then finished
            Map<String, String> ownerOfJob = new HashMap<>();
            List<Database.LockedJob> locked = List.of();
            while (db.chased(from, to) < moved / 3) {
                locked = db.lockedJobs(from, to);
                locked.forEach(j -> ownerOfJob.put(j.id(), j.owner()));
                Thread.sleep(100);
            }
            locked = db.lockedJobs(from, to);
            Node victim = nodes.remove(nodes.size() - 1);
            victim.kill();
            killedAt = new Timestamp(System.currentTimeMillis());
            // an owner is node 2's when most of the finished jobs seen locked by it ran on node 2 (a job can be seen
            // locked by node 1, lose an optimistic-locking race, and run on node 2 later: one run proves nothing)
            Set<String> lockedAtKill = new HashSet<>();
            locked.forEach(j -> lockedAtKill.add(j.id()));
            Map<String, int[]> runsByOwner = new HashMap<>();
            for (Map.Entry<String, String> seen : ownerOfJob.entrySet()) {
                if (lockedAtKill.contains(seen.getKey())) {
                    continue;
                }
                for (String run : db.successesOf(seen.getKey())) {
                    runsByOwner.computeIfAbsent(seen.getValue(), owner -> new int[2])[
                            run.startsWith(victim.name() + "@") ? 0 : 1]++;
                }
            }
            Set<String> victimOwners = new HashSet<>();
            runsByOwner.forEach((owner, runs) -> {
                if (runs[0] > runs[1]) {
                    victimOwners.add(owner);
                }
            });
            System.out.printf("lock owners seen (finished jobs on %s / elsewhere): %s%n", victim.name(),
                    runsByOwner.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1])
                            .toList());
            orphans = locked.stream().filter(j -> victimOwners.contains(j.owner())).toList();
            System.out.printf("killed %s at %s holding %d locked jobs (of %d locked in the batch)%n", victim.name(),
                    killedAt, orphans.size(), locked.size());
        }
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(30);
        while ((db.chased(from, to) < moved || db.pendingJobs(from, to) > 0) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        Database.JobLog log = db.jobLog(from, to);
        Received inbox = received(from, to);
        Map<Integer, Set<String>> received = inbox.messageIds();
        long mails = inbox.deliveries();
        long distinctMessages = received.values().stream().mapToLong(Set::size).sum();
        long[] outbox = db.outbox(from, to);
        // a mail is a duplicate when a trainee got a second, different message (Message-ID); the same message delivered
        // again (a node killed between the SMTP server's acceptance and the outbox's SENT row) is counted as resent
        long duplicates = (distinctMessages - received.size()) + (log.successful() - log.distinctJobs())
                + (outbox[0] - outbox[1]);
        long resent = mails - distinctMessages;
        long lost = (to - from) - Math.min(received.size(), db.chased(from, to));
        double seconds = (log.lastEnd().getTime() - due.getTime()) / 1000.0;
        double lastTimer = (log.lastTimerEnd().getTime() - due.getTime()) / 1000.0;
        System.out.printf("jobs run %d (distinct %d, failed attempts %d), mails %d (%d distinct Message-IDs, %d the same"
                + " message resent) to %d trainees, outbox rows %d, by node %s%n", log.successful(), log.distinctJobs(),
                log.failedAttempts(), mails, distinctMessages, resent, received.size(), outbox[0], log.byHost());
        Database.FollowUpSpans spans = db.spans(from, to);
        double atOnce = spans.secondsSum() / seconds;
        System.out.printf("%d follow-ups, %d jobs each run one after another (exclusive per process instance): from its"
                + " first to its last job %.1f s on average, %.1f s at most, so %.1f follow-ups drained at once on average"
                + " (%.1f jobs/s each)%n", spans.followUps(), log.successful() / Math.max(1, spans.followUps()),
                spans.secondsSum() / Math.max(1, spans.followUps()), spans.maxSeconds(), atOnce,
                log.successful() / Math.max(0.001, spans.secondsSum()));
        if (s.kill()) {
            lost += checkOrphans(orphans, killedAt);
        }
        return new Row((s.nodes() == 1 ? "1 node, " : "2 nodes, ") + s.title(), s.nodes(), spans.followUps(),
                log.successful(), seconds, lastTimer, atOnce, duplicates, resent, lost, log.byHost().toString());
    }

    /** Each job node 2 held at its death ran exactly once: before the kill on node 2, or after the lock on node 1. */
    private long checkOrphans(List<Database.LockedJob> orphans, Timestamp killedAt) throws SQLException {
        long before = 0;
        long afterLock = 0;
        long released = 0;
        long missing = 0;
        for (Database.LockedJob job : orphans) {
            List<String> runs = db.successesOf(job.id());
            if (runs.size() != 1) {
                missing++;
                System.out.printf("job %s ran %d times: %s%n", job.id(), runs.size(), runs);
                continue;
            }
            String[] run = runs.get(0).split("@");
            Timestamp at = Timestamp.valueOf(run[1]);
            if (at.before(killedAt)) {
                before++;
            } else if (!at.before(job.lockExpires()) && run[0].equals(nodes.get(0).name())) {
                afterLock++;
            } else if (run[0].equals(nodes.get(0).name())) {
                // node 2 gave the job back (a lost race on the process instance) in the moments between the snapshot
                // of locked jobs and the kill; node 1 then acquired it: still exactly one run
                released++;
            } else {
                System.out.printf("job %s ran at %s on %s, lock expired %s%n", job.id(), at, run[0], job.lockExpires());
                missing++;
            }
        }
        System.out.printf("node 2's %d locked jobs: %d finished before the kill, %d ran once on node 1 after the lock"
                + " expired, %d ran once on node 1 before it (released by node 2 just before the kill), %d otherwise%n",
                orphans.size(), before, afterLock, released, missing);
        return missing;
    }

    /** The distinct Message-IDs GreenMail received per trainee of a batch, and every delivery (resends too). */
    record Received(Map<Integer, Set<String>> messageIds, long deliveries) {
    }

    private Received received(int from, int to) throws Exception {
        Map<Integer, Set<String>> perTrainee = new HashMap<>();
        long delivered = 0;
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (Address address : message.getAllRecipients()) {
                String text = address.toString();
                if (text.endsWith("@cluster.test")) {
                    int index = Integer.parseInt(text.substring(1, text.indexOf('@')));
                    if (index >= from && index < to) {
                        perTrainee.computeIfAbsent(index, i -> new HashSet<>()).add(message.getMessageID());
                        delivered++;
                    }
                }
            }
        }
        return new Received(perTrainee, delivered);
    }

    private void ensureNodes(int count, boolean oldSettings) throws IOException, InterruptedException, SQLException {
        if (!nodes.isEmpty() && nodesOnOldSettings != oldSettings) {
            stopNodes();
        }
        nodesOnOldSettings = oldSettings;
        while (nodes.size() > count) {
            nodes.remove(nodes.size() - 1).stop();
        }
        Map<String, String> settings = new LinkedHashMap<>(oldSettings ? OLD_SETTINGS : tunedOverrides);
        settings.put("lock-time-in-millis", Integer.toString(lockTime));
        while (nodes.size() < count) {
            int n = nodes.size() + 1;
            nodes.add(Node.start("node" + n, basePort + n - 1, db, mail.getSmtp().getPort(), settings, heap));
        }
    }

    private void stopNodes() throws InterruptedException {
        while (!nodes.isEmpty()) {
            nodes.remove(nodes.size() - 1).stop();
        }
    }

    private void printTable() {
        System.out.printf("%n%-46s %5s %9s %7s %8s %7s %14s %7s %5s %6s %5s  %s%n", "scenario", "nodes", "follow-ups",
                "jobs", "seconds", "jobs/s", "last timer s", "at once", "dup", "resent", "lost", "jobs by node");
        for (Row r : rows) {
            System.out.printf("%-46s %5d %9d %7d %8.1f %7.1f %14s %7s %5d %6d %5d  %s%n", r.scenario(), r.nodes(),
                    r.followUps(), r.jobs(), r.seconds(), r.jobs() / r.seconds(),
                    Double.isNaN(r.lastTimerLate()) ? "-" : "%.1f".formatted(r.lastTimerLate()),
                    Double.isNaN(r.atOnce()) ? "-" : "%.1f".formatted(r.atOnce()), r.duplicates(), r.resent(), r.lost(),
                    r.byNode());
        }
        System.out.printf("(%d trainees per class, so per follow-up %d timer jobs, each chasing its trainee; at once = follow-ups drained at"
                + " once on average, their jobs being exclusive; 2 cores shared by PostgreSQL, both nodes, GreenMail and"
                + " other builds on this machine; resent = the same message, same Message-ID, delivered again after a"
                + " node was killed)%n", db.traineesPerClass(), db.traineesPerClass());
    }

    private String show(String setting) throws SQLException {
        try (var c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, String> settings(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.contains("=")) {
                map.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        return map;
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }
}
