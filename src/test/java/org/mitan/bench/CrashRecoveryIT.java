package org.mitan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of the work, and nothing is lost or doubled. The production jar runs on a durable PostgreSQL
 * and an S3 server (as in the benchmark); Mitans, clerks and registrars drive birth-certificate requests through the
 * APIs at once, and while they do, and while the engine's jobs (reading the scans back, filing with the single
 * window, issuing, SMS) are in flight, the application is killed outright ({@code destroyForcibly}, SIGKILL). It is
 * started again on the same database and store, and every request is driven on from wherever it stood. Then: every
 * request delivered, one certificate and one single-window filing each, no SMS sent twice that must go once, every
 * document's and certificate's object in the store, and no object in the store that no record points to.
 * <p>
 * {@code -Dmitan.crash.requests=1000} runs it larger (default 24, a few minutes on two cores).
 */
class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("target", "crash-recovery").toAbsolutePath();
    private static final int REQUESTS = Integer.getInteger("mitan.crash.requests", 24);
    /** Templates a request sends once at most; an OTP or a reminder may be sent again, by design. */
    private static final Set<String> REPEATABLE = Set.of("DELIVERY_OTP", "TASK_OVERDUE", "PAYMENT_REMINDER");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, byte[]> reports = new ConcurrentHashMap<>();
    private BenchInfrastructure.Running infrastructure;
    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void aKilledApplicationFinishesEveryRequestOnceAfterARestart() throws Exception {
        clean(DIR);
        infrastructure = BenchInfrastructure.start(DIR, freePort());
        String jdbc = infrastructure.environment().get("MITAN_DB_URL") + "&user=postgres&password=postgres";
        int port = freePort();
        String base = "http://localhost:" + port;
        Path log = DIR.resolve("app.log");
        app = startApplication(port, log);
        LoadClient client = new LoadClient(base, jdbc, log);

        // Drivers work the requests at once; the application is killed while they are at it.
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            numbers.add(client.register());
        }
        ConcurrentLinkedQueue<String> interrupted = new ConcurrentLinkedQueue<>();
        AtomicInteger steps = new AtomicInteger();
        ExecutorService drivers = Executors.newFixedThreadPool(4);
        List<Future<?>> driving = new ArrayList<>();
        for (String number : numbers) {
            driving.add(drivers.submit(() -> {
                try {
                    drive(client, number, steps);
                } catch (Exception cut) {
                    interrupted.add(number);
                }
            }));
        }
        // Kill when the work is well under way: about two steps per request done, the rest in flight.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (steps.get() < REQUESTS * 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String before = stages(jdbc);
        app.destroyForcibly().waitFor();
        for (Future<?> each : driving) {
            each.get(2, TimeUnit.MINUTES);
        }
        drivers.shutdown();
        System.out.println("crash: killed after " + steps.get() + " steps; requests by status then: " + before
                + "; drivers cut off: " + interrupted.size());
        assertThat(interrupted).as("requests whose driver the kill cut off").isNotEmpty();

        app = startApplication(port, log);
        // Jobs the killed node had locked wait for their locks to expire (a minute), then run.
        ExecutorService finish = Executors.newFixedThreadPool(8);
        List<Future<?>> finishing = new ArrayList<>();
        for (String number : numbers) {
            finishing.add(finish.submit(() -> {
                drive(client, number, new AtomicInteger());
                return null;
            }));
        }
        for (Future<?> each : finishing) {
            each.get(8, TimeUnit.MINUTES);
        }
        finish.shutdown();

        try (Connection db = DriverManager.getConnection(jdbc); Statement sql = db.createStatement()) {
            assertThat(rows(sql, "select request_number || ' ' || status from service_request where status <> 'DELIVERED'"))
                    .as("requests not delivered").isEmpty();
            assertThat(count(sql, "select count(*) from service_request")).isEqualTo(REQUESTS);
            assertThat(count(sql, "select count(*) from certificate")).as("certificates").isEqualTo(REQUESTS);
            assertThat(count(sql, "select count(distinct request_id) from certificate")).isEqualTo(REQUESTS);
            assertThat(count(sql, "select count(*) from single_window_submission")).as("filings").isEqualTo(REQUESTS);
            assertThat(rows(sql, """
                    select r.request_number || ' ' || m.template || ' x' || count(*) from sms_message m
                    join service_request r on r.id = m.request_id
                    group by r.request_number, m.template having count(*) > 1""").stream()
                    .filter(row -> REPEATABLE.stream().noneMatch(row::contains)).toList())
                    .as("SMS sent twice that go once").isEmpty();
            Set<String> referenced = new HashSet<>(rows(sql, "select object_key from document"));
            referenced.addAll(rows(sql, "select object_key from certificate"));
            referenced.addAll(rows(sql, "select object_key from delivery_photo"));
            Set<String> stored = storedObjects();
            assertThat(referenced).as("records whose object is not in the store").isSubsetOf(stored);
            assertThat(stored).as("objects in the store no record points to").isSubsetOf(referenced);
            assertThat(count(sql, "select count(*) from document")).as("scans").isEqualTo(3L * REQUESTS);
        }
    }

    /**
     * Drives the request on from wherever it stands, as each role would, until it is delivered: the visit with its
     * three scans (an upload sent twice is kept once), the particulars, the clerk's scrutiny, the registrar's
     * decision, the delivery with the citizen's OTP. Waits while the engine's jobs move it.
     */
    private void drive(LoadClient client, String number, AtomicInteger steps) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (System.nanoTime() < deadline) {
            JsonNode tasks = JSON.readTree(client.send(client.as("admin", "/engine-rest/task?processInstanceBusinessKey="
                    + URLEncoder.encode(number, StandardCharsets.UTF_8)).GET().build()).body());
            if (!tasks.isArray()) {
                throw new IllegalStateException("tasks of " + number + ": " + tasks);
            }
            if (tasks.isEmpty()) {
                if (delivered(client, number)) {
                    return;
                }
                Thread.sleep(200);
                continue;
            }
            JsonNode task = tasks.get(0);
            switch (task.path("taskDefinitionKey").asText()) {
                case "Task_VisitCitizen" -> {
                    // The phone keeps what it scanned and sends the same bytes again (a PDF made anew would differ).
                    client.upload(number, "birth-report", "birth-report.pdf", "application/pdf",
                            reports.computeIfAbsent(number, LoadClient::pdf));
                    client.upload(number, "parent-id", "id.png", "image/png", LoadClient.image(number.hashCode(), 40));
                    client.upload(number, "address-proof", "proof.png", "image/png",
                            LoadClient.image(number.hashCode() + 1, 40));
                    client.submit("mitan.raipur", task, Map.of("visitOutcome", "collected"));
                }
                case "Task_RecordParticulars" -> client.submit("mitan.raipur", task, LoadClient.PARTICULARS);
                case "Task_ScrutiniseDocuments" -> {
                    client.claim("clerk.raipur", task);
                    client.submit("clerk.raipur", task, Map.of("scrutinyOutcome", "accepted"));
                }
                case "Task_DecideApplication" -> {
                    client.claim("registrar.raipur", task);
                    client.submit("registrar.raipur", task, Map.of("decision", "approved"));
                }
                case "Task_DeliverCertificate" -> client.submit("mitan.raipur", task,
                        Map.of("deliveryOtp", client.otp(number)));
                default -> throw new IllegalStateException(number + " is at an unexpected task: " + task);
            }
            steps.incrementAndGet();
        }
        throw new IllegalStateException(number + " was not delivered in time");
    }

    private static boolean delivered(LoadClient client, String number) throws Exception {
        HttpResponse<String> overview = client.send(client.as("callcentre", "/api/requests/" + number).GET().build());
        return overview.statusCode() == 200 && "DELIVERED".equals(JSON.readTree(overview.body()).path("status").asText());
    }

    /** The production jar with the production JVM settings, on the durable database and store; answers or fails. */
    private Process startApplication(int port, Path log) throws Exception {
        Path jar;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            jar = built.filter(file -> file.getFileName().toString().matches("mitan-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no production jar in target/: run mvn package"));
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseG1GC", "-Xms256m", "-Xmx768m", "-jar", jar.toString(), "--spring.profiles.active=dev")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(infrastructure.environment());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("MITAN_PUBLIC_BASE_URL", "http://localhost:" + port);
        Process started = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/certificate-types"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("callcentre:demo".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IllegalStateException("the application stopped; see " + log);
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return started;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not answer; see " + log);
    }

    /** Every object the S3 server keeps (its file-system store: a folder per bucket). */
    private Set<String> storedObjects() throws IOException {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> buckets = Files.list(infrastructure.objects())) {
            for (Path bucket : buckets.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(bucket)) {
                    files.filter(Files::isRegularFile)
                            .map(file -> bucket.relativize(file).toString().replace('\\', '/'))
                            .filter(key -> !key.startsWith("."))
                            .forEach(keys::add);
                }
            }
        }
        return keys;
    }

    private static String stages(String jdbc) {
        try (Connection db = DriverManager.getConnection(jdbc); Statement sql = db.createStatement()) {
            return rows(sql, "select status || '=' || count(*) from service_request group by status order by 1")
                    .toString();
        } catch (Exception e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    private static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }
}
