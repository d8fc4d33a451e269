package org.mitan.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on 127.0.0.1: what goes over the wire, and each way the provider can fail. */
class HttpSmsGatewayTest {

    private static final String KEY = "mitan-sms-17";

    private final ObjectMapper json = new ObjectMapper();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<String> method = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> idempotencyKey = new AtomicReference<>();

    private HttpServer server;
    private ExecutorService executor;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/sms/ok", exchange -> {
            record(exchange);
            answer(exchange, 201, "{\"messageId\":\"prov-8841\",\"status\":\"queued\"}");
        });
        server.createContext("/sms/broken", exchange -> {
            record(exchange);
            answer(exchange, 500, "{\"error\":\"upstream down\"}");
        });
        server.createContext("/sms/refused", exchange -> {
            record(exchange);
            answer(exchange, 401, "{\"error\":\"bad key\"}");
        });
        server.createContext("/sms/long-error", exchange -> {
            record(exchange);
            answer(exchange, 422, "त्रुटि".repeat(33) + "स्त्री \uD83D\uDE00 और भी");
        });
        server.createContext("/sms/no-id", exchange -> {
            record(exchange);
            answer(exchange, 200, "{\"status\":\"queued\"}");
        });
        server.createContext("/sms/slow", exchange -> {
            record(exchange);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{\"messageId\":\"too-late\"}");
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private HttpSmsGateway gateway(String path, Duration readTimeout) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        return new HttpSmsGateway(new SmsProperties(SmsProperties.Mode.HTTP, url, "secret-key", "MITANS", 5, 20,
                Duration.ofSeconds(2), readTimeout, "hi",
                Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24)), json);
    }

    @Test
    void postsJsonWithBearerKeyAndReturnsTheProvidersMessageId() throws IOException {
        String reference = gateway("/sms/ok", Duration.ofSeconds(5)).send("9876543210", "मितान: OTP 042917",
                KEY);

        assertThat(reference).isEqualTo("prov-8841");
        assertThat(method.get()).isEqualTo("POST");
        assertThat(authorization.get()).isEqualTo("Bearer secret-key");
        assertThat(contentType.get()).startsWith("application/json");
        JsonNode sent = json.readTree(body.get());
        assertThat(sent.get("to").asText()).isEqualTo("919876543210");
        assertThat(sent.get("sender").asText()).isEqualTo("MITANS");
        assertThat(sent.get("text").asText()).isEqualTo("मितान: OTP 042917");
        assertThat(sent.get("reference").asText()).isEqualTo("mitan-sms-17");
        assertThat(idempotencyKey.get()).isEqualTo("mitan-sms-17");
        assertThat(sent.size()).isEqualTo(4);
    }

    @Test
    void aServerErrorIsAnException() {
        assertThatThrownBy(() -> gateway("/sms/broken", Duration.ofSeconds(5)).send("9876543210", "hello",
                KEY))
                .isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("500")
                .hasMessageContaining("upstream down")
                .satisfies(e -> assertThat(((SmsGatewayException) e).refusedMessage()).as("the provider is down")
                        .isFalse());
    }

    @Test
    void ourKeyRefusedIsAnExceptionAboutTheProviderNotTheMessage() {
        assertThatThrownBy(() -> gateway("/sms/refused", Duration.ofSeconds(5)).send("9876543210", "hello", KEY))
                .isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("401")
                .satisfies(e -> assertThat(((SmsGatewayException) e).refusedMessage()).isFalse());
    }

    @Test
    void aLongHindiRefusalIsShortenedBetweenCharacters() {
        assertThatThrownBy(() -> gateway("/sms/long-error", Duration.ofSeconds(5)).send("9876543210", "मितान",
                KEY))
                .isInstanceOf(SmsGatewayException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith("त्रुटि".repeat(33) + "…")
                        .doesNotContain("स्"))
                .satisfies(e -> assertThat(((SmsGatewayException) e).refusedMessage()).as("422: this message")
                        .isTrue());
    }

    @Test
    void anAnswerWithoutMessageIdIsAnException() {
        assertThatThrownBy(() -> gateway("/sms/no-id", Duration.ofSeconds(5)).send("9876543210", "hello",
                KEY))
                .isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("messageId");
    }

    @Test
    void noAnswerInTimeIsAnException() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> gateway("/sms/slow", Duration.ofMillis(300)).send("9876543210", "hello",
                KEY))
                .isInstanceOf(SmsGatewayException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void nobodyListeningIsAnException() {
        HttpSmsGateway gateway = gateway("/sms/ok", Duration.ofSeconds(1));
        server.stop(0);

        assertThatThrownBy(() -> gateway.send("9876543210", "hello",
                KEY))
                .isInstanceOf(SmsGatewayException.class);
    }

    private void record(HttpExchange exchange) throws IOException {
        method.set(exchange.getRequestMethod());
        authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
        idempotencyKey.set(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String answer) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
