package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on a free local port: each answer the single-window API can give. */
class HttpSingleWindowGatewayTest {

    private static final String API_KEY = "sws-test-key";
    private static final ApplicationFiling FILING = new ApplicationFiling("RPR-2026-000042", "birth-certificate",
            "RPR", 12, "Ramesh Sahu", "9876543210", "House 4, Ward 12, Raipur",
            Map.of("childName", "Asha Sahu", "dateOfBirth", "2026-01-15"),
            List.of(new ApplicationFiling.FiledDocument("birth-report", "ab".repeat(32), 2048, "application/pdf")));
    private static final CertificateOrder ORDER = new CertificateOrder("RPR-2026-000042", "SWS-7781",
            "birth-certificate", "RPR", "Asha Sahu", "House 4, Ward 12, Raipur", Map.of("sex", "female"),
            "Meena Rao (registrar1)", "ABCDEFGHJKLMNPQRSTUV", "https://mitan.example/verify/ABCDEFGHJKLMNPQRSTUV",
            Instant.parse("2026-03-01T10:15:30Z"));

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;
    private ExecutorService executor;
    private volatile Received received;

    record Received(String method, String path, String idempotencyKey, String authorization, String contentType,
            JsonNode body, String text) {
    }

    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange) throws Exception;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void filingIsPostedWithIdempotencyKeyAndBearerTokenAndReturnsTheReference() {
        answerWith(exchange -> reply(exchange, 201, "{\"reference\":\"SWS-7781\",\"status\":\"received\"}"));

        SubmissionReceipt receipt = gateway(Duration.ofSeconds(5)).submit(FILING);

        assertThat(receipt.reference()).isEqualTo("SWS-7781");
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/sws/applications");
        assertThat(received.idempotencyKey()).isEqualTo("RPR-2026-000042");
        assertThat(received.authorization()).isEqualTo("Bearer " + API_KEY);
        assertThat(received.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode body = received.body();
        assertThat(body.get("requestNumber").asText()).isEqualTo("RPR-2026-000042");
        assertThat(body.get("certificateType").asText()).isEqualTo("birth-certificate");
        assertThat(body.get("ward").asInt()).isEqualTo(12);
        assertThat(body.get("citizenPhone").asText()).isEqualTo("9876543210");
        assertThat(body.get("particulars").get("dateOfBirth").asText()).isEqualTo("2026-01-15");
        assertThat(body.get("documents").get(0).get("sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(body.get("documents").get(0).get("sizeBytes").asLong()).isEqualTo(2048);
    }

    @Test
    void devanagariGoesOutAsUtf8AndAHindiRefusalComesBackAsWritten() {
        ApplicationFiling filing = new ApplicationFiling("RPR-2026-000043", "birth-certificate", "RPR", 14,
                "लक्ष्मी यादव", "9876543210", "मकान 14, गांधी चौक, रायपुर।",
                Map.of("childName", "रीना प्रिया", "placeOfBirth", "ज़िला अस्पताल"), List.of());
        answerWith(exchange -> reply(exchange, 422,
                "{\"detail\":\"इस तिथि का जन्म पहले से पंजीकृत है: रीना प्रिया\"}"));

        assertThatThrownBy(() -> gateway(Duration.ofSeconds(5)).submit(filing))
                .isInstanceOf(SingleWindowRejection.class)
                .hasMessage("इस तिथि का जन्म पहले से पंजीकृत है: रीना प्रिया");
        assertThat(received.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(received.text()).contains("\"citizenName\":\"लक्ष्मी यादव\"")
                .contains("\"address\":\"मकान 14, गांधी चौक, रायपुर।\"");
        assertThat(received.body().get("particulars").get("childName").asText()).isEqualTo("रीना प्रिया");
    }

    @Test
    void ok200IsAcceptedAsWellAs201() {
        answerWith(exchange -> reply(exchange, 200, "{\"reference\":\"SWS-1\"}"));

        assertThat(gateway(Duration.ofSeconds(5)).submit(FILING).reference()).isEqualTo("SWS-1");
    }

    @Test
    void businessRejectionCarriesTheProblemDetail() {
        answerWith(exchange -> reply(exchange, 422, "{\"type\":\"about:blank\",\"title\":\"Unprocessable\","
                + "\"status\":422,\"detail\":\"A birth with these parents and date is already registered\"}"));

        assertThatThrownBy(() -> gateway(Duration.ofSeconds(5)).submit(FILING))
                .isInstanceOf(SingleWindowRejection.class)
                .hasMessage("A birth with these parents and date is already registered");
    }

    @Test
    void businessRejectionFallsBackToTheMessageField() {
        answerWith(exchange -> reply(exchange, 400, "{\"message\":\"Ward 12 does not exist in RPR\"}"));

        assertThatThrownBy(() -> gateway(Duration.ofSeconds(5)).submit(FILING))
                .isInstanceOf(SingleWindowRejection.class)
                .hasMessage("Ward 12 does not exist in RPR");
    }

    @Test
    void businessRejectionWithoutAReadableBodyNamesTheStatus() {
        answerWith(exchange -> reply(exchange, 404, "<html>not here</html>"));

        assertThatThrownBy(() -> gateway(Duration.ofSeconds(5)).submit(FILING))
                .isInstanceOf(SingleWindowRejection.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void serverErrorIsUnavailableNotARejection() {
        answerWith(exchange -> reply(exchange, 500, "{\"detail\":\"database down\"}"));

        assertThatThrownBy(() -> gateway(Duration.ofSeconds(5)).submit(FILING))
                .isInstanceOf(SingleWindowUnavailableException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("database down");
    }

    @Test
    void refusedCredentialsAreATechnicalFailureNotARejectionOfTheCitizen() {
        answerWith(exchange -> reply(exchange, 401, "{\"detail\":\"invalid token\"}"));

        assertThatThrownBy(() -> gateway(Duration.ofSeconds(5)).submit(FILING))
                .isInstanceOf(SingleWindowUnavailableException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void answerSlowerThanTheReadTimeoutIsUnavailable() {
        answerWith(exchange -> {
            Thread.sleep(3_000);
            reply(exchange, 201, "{\"reference\":\"too-late\"}");
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> gateway(Duration.ofMillis(300)).submit(FILING))
                .isInstanceOf(SingleWindowUnavailableException.class)
                .hasMessageContaining("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void refusedConnectionIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        HttpSingleWindowGateway gateway = new HttpSingleWindowGateway(new SingleWindowProperties(
                SingleWindowProperties.Mode.HTTP, "http://127.0.0.1:" + closedPort, API_KEY,
                Duration.ofSeconds(2), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> gateway.submit(FILING))
                .isInstanceOf(SingleWindowUnavailableException.class)
                .hasMessageContaining("Cannot reach");
    }

    @Test
    void answerThatIsNotJsonIsUnavailable() {
        answerWith(exchange -> reply(exchange, 200, "reference=SWS-1"));

        assertThatThrownBy(() -> gateway(Duration.ofSeconds(5)).submit(FILING))
                .isInstanceOf(SingleWindowUnavailableException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void answerWithoutReferenceIsUnavailable() {
        answerWith(exchange -> reply(exchange, 201, "{\"status\":\"received\"}"));

        assertThatThrownBy(() -> gateway(Duration.ofSeconds(5)).submit(FILING))
                .isInstanceOf(SingleWindowUnavailableException.class)
                .hasMessageContaining("without reference");
    }

    @Test
    void certificateIsOrderedForTheReferenceAndItsPdfDecoded() {
        byte[] pdf = "%PDF-1.7\nthe certificate\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        answerWith(exchange -> reply(exchange, 200, "{\"certificateNumber\":\"RPR/BIRTH/2026/000007\","
                + "\"pdfBase64\":\"" + Base64.getEncoder().encodeToString(pdf) + "\"}"));

        IssuedCertificate issued = gateway(Duration.ofSeconds(5)).issue(ORDER);

        assertThat(issued.certificateNumber()).isEqualTo("RPR/BIRTH/2026/000007");
        assertThat(issued.pdf()).isEqualTo(pdf);
        assertThat(received.path()).isEqualTo("/sws/applications/SWS-7781/certificate");
        assertThat(received.idempotencyKey()).isEqualTo("RPR-2026-000042-certificate");
        assertThat(received.authorization()).isEqualTo("Bearer " + API_KEY);
        assertThat(received.body().get("verificationUrl").asText())
                .isEqualTo("https://mitan.example/verify/ABCDEFGHJKLMNPQRSTUV");
        assertThat(received.body().get("holderName").asText()).isEqualTo("Asha Sahu");
        assertThat(received.body().get("issuedAt").asText()).isEqualTo("2026-03-01T10:15:30Z");
    }

    @Test
    void certificateAnswerWithoutAPdfIsUnavailable() {
        answerWith(exchange -> reply(exchange, 200, "{\"certificateNumber\":\"RPR/BIRTH/2026/000007\","
                + "\"pdfBase64\":\"" + Base64.getEncoder().encodeToString("<html/>".getBytes()) + "\"}"));

        assertThatThrownBy(() -> gateway(Duration.ofSeconds(5)).issue(ORDER))
                .isInstanceOf(SingleWindowUnavailableException.class)
                .hasMessageContaining("without a PDF");
    }

    private HttpSingleWindowGateway gateway(Duration readTimeout) {
        return new HttpSingleWindowGateway(new SingleWindowProperties(SingleWindowProperties.Mode.HTTP,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/sws/", API_KEY, Duration.ofSeconds(2),
                readTimeout));
    }

    private void answerWith(Answer answer) {
        server.createContext("/sws/", exchange -> {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        body.length == 0 ? null : json.readTree(body), new String(body, StandardCharsets.UTF_8));
                answer.answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IOException(e);
            } finally {
                exchange.close();
            }
        });
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
