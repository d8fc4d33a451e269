package org.mitan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mitan.bench.OutsideSystems.Mode;

/**
 * Each system the application depends on goes away while requests are under way, and comes back; then every request
 * finishes with nothing lost or doubled. The production jar runs against the real clients of the outside systems
 * ({@code mitan.single-window.mode=http}, {@code mitan.sms.mode=http}) pointed at local servers the test switches
 * between up, down (503) and slow (the work done, the answer after the caller gave up), on a durable PostgreSQL and
 * an S3 server that the test stops and starts on the same data.
 * <ul>
 * <li><b>The object store down</b>: an upload is refused with a 503 problem and leaves no record; the job that reads
 *     the scans back fails, shows its error, and finishes once the store is back.</li>
 * <li><b>The single window answering 503, then timing out, then 503 again</b>: the filing job fails each time (the
 *     model's retry cycle, three tries ten minutes apart, is walked by moving each failed job's due date to now, as
 *     waiting would), becomes an incident an auditor sees in Cockpit, and the administrator's retry files it once,
 *     although the timed-out attempt had reached the single window.</li>
 * <li><b>The SMS provider down</b> from the first request to the last decision: nothing is sent, nothing is given
 *     up; once it is back, every message reaches the phone once.</li>
 * <li><b>PostgreSQL restarted</b>: while it is down the API answers 503 problems; afterwards the application goes on
 *     without a restart of its own.</li>
 * </ul>
 */
class OutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("target", "outage").toAbsolutePath();
    private static final int REQUESTS = 4;
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private BenchInfrastructure.Running infrastructure;
    private OutsideSystems.SingleWindow singleWindow;
    private OutsideSystems.SmsProvider sms;
    private Process app;
    private LoadClient client;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        if (singleWindow != null) {
            singleWindow.close();
        }
        if (sms != null) {
            sms.close();
        }
    }

    @Test
    void everyRequestFinishesOnceAfterEachOutsideSystemWasDownOrSlow() throws Exception {
        ProductionRig.clean(DIR);
        infrastructure = BenchInfrastructure.start(DIR, ProductionRig.freePort(), ProductionRig.freePort());
        singleWindow = new OutsideSystems.SingleWindow();
        sms = new OutsideSystems.SmsProvider();
        String jdbc = ProductionRig.jdbc(infrastructure);
        int port = ProductionRig.freePort();
        Path log = DIR.resolve("app.log");
        Map<String, String> environment = new HashMap<>(infrastructure.environment());
        environment.putAll(Map.of("MITAN_SWS_MODE", "http", "MITAN_SWS_URL", singleWindow.url(),
                "MITAN_SWS_API_KEY", "outage-test-key", "MITAN_SWS_READ_TIMEOUT", "2s"));
        environment.putAll(Map.of("MITAN_SMS_MODE", "http", "MITAN_SMS_URL", sms.url(),
                "MITAN_SMS_API_KEY", "outage-test-key", "MITAN_SMS_DISPATCH_INTERVAL", "PT1S",
                "MITAN_SMS_RETRY_BACKOFF", "1s", "MITAN_SMS_RETRY_BACKOFF_MAX", "3s"));
        // A call waits 3 s for a database connection before it is answered 503 (10 s in production).
        environment.put("MITAN_DB_CONNECTION_TIMEOUT_MS", "3000");
        // The job executor looks for due jobs at least every 3 s (Camunda's idle wait grows to 60 s otherwise).
        app = ProductionRig.startJar(environment, port, log, "--mitan.sms.read-timeout=2s",
                "--camunda.bpm.job-execution.max-wait=3000");
        client = new LoadClient("http://localhost:" + port, jdbc, log);
        RequestDriver driver = new RequestDriver(client, sms::otp, new ConcurrentHashMap<>());

        sms.set(Mode.DOWN);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            numbers.add(client.register());
        }

        // The object store down: the upload is refused, as a 503 problem, and leaves no record.
        String first = numbers.get(0);
        awaitTask(driver, first, "Task_VisitCitizen");
        infrastructure.stopObjectStore();
        HttpResponse<String> refused = client.send(client.uploadRequest(first, "parent-id", "id.png", "image/png",
                LoadClient.image(1, 40)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(JSON.readTree(refused.body()).path("title").asText()).isEqualTo("Document store unavailable");
        assertThat(countRows(jdbc, "select count(*) from document")).isZero();
        infrastructure.startObjectStore();

        // The scans go up; the store goes down as the visits are handed in: reading the scans back fails.
        for (String number : numbers) {
            awaitTask(driver, number, "Task_VisitCitizen");
            driver.uploadScans(number);
        }
        infrastructure.stopObjectStore();
        for (String number : numbers) {
            driver.handInVisit(number);
        }
        List<JsonNode> unread = awaitFailedJobs("Task_VerifyDocuments", REQUESTS, 2);
        assertThat(unread).allSatisfy(job -> assertThat(job.path("exceptionMessage").asText()).isNotBlank());
        infrastructure.startObjectStore();
        unread.forEach(this::dueNow);
        for (String number : numbers) {
            awaitTask(driver, number, "Task_RecordParticulars");
            driver.step(number);
            awaitTask(driver, number, "Task_ScrutiniseDocuments");
        }

        // The single window down when the clerks accept: the filing fails, retried ten minutes later each time.
        singleWindow.set(Mode.DOWN);
        for (String number : numbers) {
            driver.step(number);
        }
        List<JsonNode> unavailable = awaitFailedJobs("Task_SubmitToSingleWindow", REQUESTS, 2);
        assertThat(unavailable).allSatisfy(job -> assertThat(job.path("exceptionMessage").asText())
                .contains("HTTP 503"));
        singleWindow.set(Mode.SLOW);
        unavailable.forEach(this::dueNow);
        List<JsonNode> timedOut = awaitFailedJobs("Task_SubmitToSingleWindow", REQUESTS, 1);
        assertThat(timedOut).allSatisfy(job -> assertThat(job.path("exceptionMessage").asText())
                .contains("did not answer"));
        assertThat(singleWindow.filed).as("the slow single window filed them, the answers came too late")
                .hasSize(REQUESTS);
        singleWindow.set(Mode.DOWN);
        timedOut.forEach(this::dueNow);
        List<JsonNode> failedForGood = awaitFailedJobs("Task_SubmitToSingleWindow", REQUESTS, 0);

        // Incidents, as an auditor sees them in Cockpit; the administrator retries once the single window is back.
        JsonNode incidents = get("auditor", "/engine-rest/incident?activityId=Task_SubmitToSingleWindow");
        assertThat(incidents).hasSize(REQUESTS);
        assertThat(incidents).allSatisfy(incident -> {
            assertThat(incident.path("incidentType").asText()).isEqualTo("failedJob");
            assertThat(incident.path("incidentMessage").asText()).contains("single-window system");
        });
        // Cockpit's Retry: one more try, due now (the last failure had put it ten minutes on).
        singleWindow.set(Mode.UP);
        for (JsonNode job : failedForGood) {
            expect(client.send(client.as("admin", "/engine-rest/job/" + job.path("id").asText() + "/retries")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"retries\":1}")).build()), 204);
            dueNow(job);
        }
        for (String number : numbers) {
            awaitTask(driver, number, "Task_DecideApplication");
        }
        assertThat(singleWindow.filed).as("filed once each, the retries answered from the first filing")
                .hasSize(REQUESTS).doesNotHaveDuplicates();

        // PostgreSQL restarted: the API says so while it is down, and the application goes on afterwards.
        Thread restart = new Thread(() -> {
            try {
                infrastructure.restartDatabase(Duration.ofSeconds(10));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        restart.start();
        List<HttpResponse<String>> whileRestarting = new ArrayList<>();
        while (restart.isAlive()) {
            whileRestarting.add(client.send(client.as("callcentre", "/api/certificate-types")
                    .timeout(Duration.ofSeconds(20)).GET().build()));
        }
        restart.join();
        assertThat(whileRestarting).as("every answer while the database restarts: the list, or 503 to try again")
                .allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(200, 503))
                .anySatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(503))
                .filteredOn(answer -> answer.statusCode() == 503)
                .allSatisfy(answer -> assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json")));
        awaitAnswer(request -> request.statusCode() == 200);
        for (String number : numbers) {
            driver.step(number);
        }

        // The SMS provider back: everything waiting goes out, and the deliveries can be made with the OTPs.
        assertThat(sms.delivered).as("nothing reached a phone while the provider was down").isEmpty();
        assertThat(countRows(jdbc, "select count(*) from sms_message where status <> 'PENDING'")).isZero();
        sms.set(Mode.UP);
        for (String number : numbers) {
            driver.drive(number, new AtomicInteger());
        }
        awaitRows(jdbc, "select count(*) from sms_message where status = 'PENDING'", 0);

        ProductionRig.assertEveryRequestFinishedOnce(jdbc, infrastructure.objects(), REQUESTS, client);
        assertThat(singleWindow.issued).as("certificates issued by the single window").hasSize(REQUESTS)
                .doesNotHaveDuplicates();
        try (Connection db = DriverManager.getConnection(jdbc); Statement sql = db.createStatement()) {
            assertThat(ProductionRig.count(sql, "select count(*) from sms_message where status = 'FAILED'")).isZero();
            assertThat(sms.delivered).as("every message reached the phone once")
                    .hasSize((int) ProductionRig.count(sql, "select count(*) from sms_message"));
        }
        assertThat(get("admin", "/engine-rest/incident/count").path("count").asInt()).as("open incidents").isZero();
        expect(client.send(client.as("callcentre", "/api/storage/orphans").GET().build()), 403);
        expect(client.send(client.as("auditor", "/api/storage/orphans?olderThan=soon").GET().build()), 400);
        System.out.println("outage: single window called " + singleWindow.calls + " times for " + REQUESTS
                + " filings and certificates; SMS provider called " + sms.calls + " times for " + sms.delivered.size()
                + " messages");
    }

    private static void awaitTask(RequestDriver driver, String number, String taskKey) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!driver.at(number, taskKey)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(number + " never reached " + taskKey);
            }
            Thread.sleep(200);
        }
    }

    /** The failed jobs of the activity, once there are that many with that many retries left (Cockpit's view). */
    private List<JsonNode> awaitFailedJobs(String activityId, int count, int retriesLeft) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        List<JsonNode> failed = List.of();
        while (System.nanoTime() < deadline) {
            failed = new ArrayList<>();
            for (JsonNode job : get("admin", "/engine-rest/job?withException=true&activityId=" + activityId)) {
                if (job.path("retries").asInt() == retriesLeft) {
                    failed.add(job);
                }
            }
            if (failed.size() == count) {
                return failed;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("expected " + count + " failed jobs of " + activityId + " with "
                + retriesLeft + " retries left, found " + failed.size());
    }

    /** The failed job's next try brought forward from ten minutes on to now, as if the time had passed. */
    private void dueNow(JsonNode job) {
        try {
            String now = ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(1).format(ENGINE_DATE);
            expect(client.send(client.as("admin", "/engine-rest/job/" + job.path("id").asText() + "/duedate")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"duedate\":\"" + now + "\"}")).build()), 204);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The call centre's view of a request, asked until the answer passes the test. */
    private HttpResponse<String> awaitAnswer(Predicate<HttpResponse<String>> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = client.send(client.as("callcentre", "/api/certificate-types")
                    .timeout(Duration.ofSeconds(20)).GET().build());
            if (wanted.test(answer)) {
                return answer;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no such answer within two minutes");
    }

    private JsonNode get(String user, String path) throws Exception {
        HttpResponse<String> answer = client.send(client.as(user, path).GET().build());
        expect(answer, 200);
        return JSON.readTree(answer.body());
    }

    private static void expect(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(status);
    }

    private static long countRows(String jdbc, String query) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc); Statement sql = db.createStatement()) {
            return ProductionRig.count(sql, query);
        }
    }

    private static void awaitRows(String jdbc, String query, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (countRows(jdbc, query) != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(query + " never came to " + expected);
            }
            Thread.sleep(200);
        }
    }
}
