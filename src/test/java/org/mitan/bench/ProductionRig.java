package org.mitan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the crash, outage and two-node tests share: the production jar started as an operator starts it, and the
 * ledgers they check afterwards (rows of the database, objects of the store).
 */
final class ProductionRig {

    /** Templates a request may send more than once, by design: a new OTP, a reminder. */
    static final Set<String> REPEATABLE = Set.of("DELIVERY_OTP", "TASK_OVERDUE", "PAYMENT_REMINDER");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ProductionRig() {
    }

    /**
     * The production jar with the production JVM settings on the given environment (database, store, outside
     * systems), the {@code dev} profile's demo users, and any further {@code --name=value} settings; returns once it
     * answers an API call, or fails.
     */
    static Process startJar(Map<String, String> environment, int port, Path log, String... settings)
            throws Exception {
        Path jar;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            jar = built.filter(file -> file.getFileName().toString().matches("mitan-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no production jar in target/: run mvn package"));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseG1GC", "-Xms256m", "-Xmx768m", "-jar", jar.toString(),
                "--spring.profiles.active=dev"));
        command.addAll(List.of(settings));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
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
                if (HTTP.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return started;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not answer; see " + log);
    }

    /** The JDBC URL of the application's database, with the credentials, for the test's own checks. */
    static String jdbc(BenchInfrastructure.Running infrastructure) {
        return infrastructure.environment().get("MITAN_DB_URL") + "&user=postgres&password=postgres";
    }

    /** Every object the S3 server keeps (its file-system store: a folder per bucket). */
    static Set<String> storedObjects(Path objects) throws IOException {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> buckets = Files.list(objects)) {
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

    /** Every object key a record points to: scans, certificates, delivery photos. */
    static Set<String> referencedObjects(Statement sql) throws Exception {
        Set<String> referenced = new HashSet<>(rows(sql, "select object_key from document"));
        referenced.addAll(rows(sql, "select object_key from certificate"));
        referenced.addAll(rows(sql, "select object_key from delivery_photo"));
        return referenced;
    }

    /**
     * Nothing lost or doubled: every request delivered, with one certificate and one single-window filing, no SMS
     * sent twice that goes once (an OTP or a reminder may be sent again, by design), three scans each, every record's
     * object in the store; and every object in the store that no record points to (a write the crash cut off between
     * the object and its record) found and reported by the store's reconciliation, as the auditor asks for it.
     */
    static void assertEveryRequestFinishedOnce(String jdbc, Path objects, int requests, LoadClient client)
            throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc); Statement sql = db.createStatement()) {
            assertThat(rows(sql, """
                    select request_number || ' ' || status from service_request where status <> 'DELIVERED'"""))
                    .as("requests not delivered").isEmpty();
            assertThat(count(sql, "select count(*) from service_request")).isEqualTo(requests);
            assertThat(count(sql, "select count(*) from certificate")).as("certificates").isEqualTo(requests);
            assertThat(count(sql, "select count(distinct request_id) from certificate")).isEqualTo(requests);
            assertThat(count(sql, "select count(*) from single_window_submission")).as("filings").isEqualTo(requests);
            assertThat(rows(sql, """
                    select r.request_number || ' ' || m.template || ' x' || count(*) from sms_message m
                    join service_request r on r.id = m.request_id
                    group by r.request_number, m.template having count(*) > 1""").stream()
                    .filter(row -> REPEATABLE.stream().noneMatch(row::contains)).toList())
                    .as("SMS sent twice that go once").isEmpty();
            Set<String> referenced = referencedObjects(sql);
            Set<String> stored = storedObjects(objects);
            assertThat(referenced).as("records whose object is not in the store").isSubsetOf(stored);
            Set<String> unreferenced = new HashSet<>(stored);
            unreferenced.removeAll(referenced);
            HttpResponse<String> answer = client.send(client.as("auditor", "/api/storage/orphans?olderThan=PT0S")
                    .GET().build());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            Set<String> reported = new HashSet<>();
            new ObjectMapper().readTree(answer.body()).path("objects")
                    .forEach(object -> reported.add(object.path("key").asText()));
            assertThat(reported).as("objects in the store no record points to, as the reconciliation reports them")
                    .isEqualTo(unreferenced);
            System.out.println("objects in the store: " + stored.size() + ", without a record (reported): "
                    + unreferenced);
            assertThat(count(sql, "select count(*) from document")).as("scans").isEqualTo(3L * requests);
        }
    }

    /** The requests by status, e.g. {@code [DELIVERED=8, MITAN_ASSIGNED=13]}. */
    static String stages(String jdbc) {
        try (Connection db = DriverManager.getConnection(jdbc); Statement sql = db.createStatement()) {
            return rows(sql, "select status || '=' || count(*) from service_request group by status order by 1")
                    .toString();
        } catch (Exception e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    static long count(Statement sql, String query) throws Exception {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The directory, emptied. */
    static Path clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
