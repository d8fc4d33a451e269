package org.mitan.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Takes a birth-certificate request on from wherever it stands, as each role would, until it is delivered: the visit
 * with its three scans (an upload sent twice is kept once), the particulars, the clerk's scrutiny, the registrar's
 * decision, the delivery with the citizen's OTP. It waits while the engine's jobs move the request.
 */
final class RequestDriver {

    /** Where the citizen's delivery OTP is read: the outbox or log, or the SMS provider the test runs. */
    @FunctionalInterface
    interface OtpSource {
        String otp(String requestNumber) throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadClient client;
    private final OtpSource otps;
    /** The phone keeps what it scanned and sends the same bytes again (a PDF made anew would differ). */
    private final Map<String, byte[]> reports;

    RequestDriver(LoadClient client, OtpSource otps, Map<String, byte[]> reports) {
        this.client = client;
        this.otps = otps;
        this.reports = reports;
    }

    RequestDriver(LoadClient client) {
        this(client, client::otp, new ConcurrentHashMap<>());
    }

    /** The same phones' scans, on another node or after a restart. */
    RequestDriver on(LoadClient other) {
        return new RequestDriver(other, otps, reports);
    }

    LoadClient client() {
        return client;
    }

    /** Drives the request until it is delivered (counting each step done), or fails after six minutes. */
    void drive(String number, AtomicInteger steps) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (System.nanoTime() < deadline) {
            if (step(number)) {
                steps.incrementAndGet();
            } else if (delivered(number)) {
                return;
            } else {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(number + " was not delivered in time");
    }

    /** Does the request's open task, if it has one; false when there is none (a job is moving it, or it is done). */
    boolean step(String number) throws Exception {
        JsonNode tasks = JSON.readTree(client.send(client.as("admin", "/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(number, StandardCharsets.UTF_8)).GET().build()).body());
        if (!tasks.isArray()) {
            throw new IllegalStateException("tasks of " + number + ": " + tasks);
        }
        if (tasks.isEmpty()) {
            return false;
        }
        JsonNode task = tasks.get(0);
        switch (task.path("taskDefinitionKey").asText()) {
            case "Task_VisitCitizen" -> {
                uploadScans(number);
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
                    Map.of("deliveryOtp", otps.otp(number)));
            default -> throw new IllegalStateException(number + " is at an unexpected task: " + task);
        }
        return true;
    }

    /** The visit's three scans, the same bytes each time for the same request. */
    void uploadScans(String number) throws Exception {
        client.upload(number, "birth-report", "birth-report.pdf", "application/pdf",
                reports.computeIfAbsent(number, LoadClient::pdf));
        client.upload(number, "parent-id", "id.png", "image/png", LoadClient.image(number.hashCode(), 40));
        client.upload(number, "address-proof", "proof.png", "image/png", LoadClient.image(number.hashCode() + 1, 40));
    }

    /** The visit handed in as done, its scans already sent. */
    void handInVisit(String number) throws Exception {
        JsonNode tasks = JSON.readTree(client.send(client.as("admin", "/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&taskDefinitionKey=Task_VisitCitizen").GET()
                .build()).body());
        client.submit("mitan.raipur", tasks.get(0), Map.of("visitOutcome", "collected"));
    }

    /** Whether the request's open task is the one of that key. */
    boolean at(String number, String taskKey) throws Exception {
        JsonNode tasks = JSON.readTree(client.send(client.as("admin", "/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey).GET().build())
                .body());
        return tasks.isArray() && !tasks.isEmpty();
    }

    boolean delivered(String number) throws Exception {
        HttpResponse<String> overview = client.send(client.as("callcentre", "/api/requests/" + number).GET().build());
        return overview.statusCode() == 200
                && "DELIVERED".equals(JSON.readTree(overview.body()).path("status").asText());
    }
}
