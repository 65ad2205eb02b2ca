package cn.ganxun.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One Ganxun node: a separate JVM running {@code cn.ganxun.GanxunApplication} on profile {@code postgres} from the
 * production classpath (the build's classes and dependency jars, not the test classes), its output in
 * {@code target/cluster/<name>.log}. Job executor settings come as {@code --camunda.bpm.job-execution.*} arguments on top
 * of application-postgres.yaml; the engine's host name is the node's name, so ACT_HI_JOB_LOG.HOSTNAME_ tells which
 * node ran a job.
 */
final class Node {

    static final String ADMIN = "admin";

    private final String name;
    private final int port;
    private final Process process;

    private Node(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts the JVM and waits until {@code /actuator/health} answers UP (at most five minutes). */
    static Node start(String name, int port, Database db, int smtpPort, Map<String, String> jobSettings, String heap)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-cp", classpath(),
                "cn.ganxun.GanxunApplication",
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.cn.ganxun=INFO",
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        jobSettings.forEach((key, value) -> command.add("--camunda.bpm.job-execution." + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("GANXUN_DB_URL", db.url());
        env.put("GANXUN_DB_USER", db.user());
        env.put("GANXUN_DB_PASSWORD", db.password());
        env.put("GANXUN_MAIL_HOST", "127.0.0.1");
        env.put("GANXUN_MAIL_PORT", Integer.toString(smtpPort));
        env.put("GANXUN_ADMIN_USER", ADMIN);
        env.put("GANXUN_ADMIN_PASSWORD", ADMIN);
        env.put("GANXUN_DEMO", "false");
        env.put("GANXUN_DATA_DIR", Files.createTempDirectory("ganxun-" + name).toString());
        File log = new File("target/cluster/" + name + ".log");
        Files.createDirectories(log.toPath().getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        Node node = new Node(name, port, builder.start());
        node.awaitUp(log);
        return node;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** SIGTERM and wait: the job executor stops and hands back nothing (its locks expire). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL: the node dies holding whatever jobs it had locked. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private void awaitUp(File log) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not come up in 5 minutes; see " + log);
    }

    /**
     * The production classpath: {@code ganxun.cluster.classpath} if given, else the entries of the class loader that
     * runs this harness (exec:java's) or java.class.path, without test classes, so a node runs as the jar would.
     */
    private static String classpath() {
        String given = System.getProperty("ganxun.cluster.classpath");
        if (given != null) {
            return given;
        }
        List<String> entries = new ArrayList<>();
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(new File(url.toURI()).getPath());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(url.toString(), e);
                }
            }
        }
        if (entries.stream().noneMatch(e -> e.endsWith("classes"))) {
            entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).toList();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        entries.stream().filter(e -> !e.endsWith("test-classes")).forEach(e -> unique.put(e, e));
        return unique.values().stream().collect(Collectors.joining(File.pathSeparator));
    }
}
