package org.mitan.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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

/**
 * Against a real HTTP server on 127.0.0.1 that behaves as a payment gateway does: it keeps one payment per
 * idempotency key and charges each key once. What goes over the wire, that a retry never charges twice, and each way
 * the gateway can fail.
 */
class HttpPaymentGatewayTest {

    static final FeeDue FEE = new FeeDue("government-fee", 500, "Government registration fee", "सरकारी पंजीयन शुल्क");

    private final ObjectMapper json = new ObjectMapper();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, String> paymentsByKey = new ConcurrentHashMap<>();
    private final List<String> charged = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    private HttpServer server;
    private ExecutorService executor;

    /** What the gateway answers under each base path besides {@code /ok} and {@code /slow}: status and body. */
    private static final Map<String, Map.Entry<Integer, String>> CANNED = Map.of(
            "/broken", Map.entry(503, "{\"error\":\"maintenance\"}"),
            "/refused", Map.entry(422, "{\"error\":\"amount below minimum\"}"),
            "/no-id", Map.entry(201, "{\"status\":\"created\"}"),
            "/plain-link", Map.entry(201, "{\"id\":\"pay_9\",\"paymentUrl\":\"http://pay.example/p/9\"}"),
            "/not-json", Map.entry(200, "<html>gateway</html>"));

    @BeforeEach
    void startGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopGateway() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** One payment per idempotency key under {@code /ok}, a late answer under {@code /slow}, else the canned one. */
    private void serve(HttpExchange exchange) throws IOException {
        String key = record(exchange);
        String base = exchange.getRequestURI().getPath().replaceFirst("/payments$", "");
        if (base.equals("/ok")) {
            String id = paymentsByKey.computeIfAbsent(key, first -> {
                charged.add(first);
                return "pay_" + charged.size();
            });
            send(exchange, 201, "{\"id\":\"" + id + "\",\"paymentUrl\":\"https://pay.example/p/" + id + "\"}");
        } else if (base.equals("/slow")) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 201, "{\"id\":\"too-late\"}");
        } else {
            Map.Entry<Integer, String> canned = CANNED.getOrDefault(base, Map.entry(404, "{}"));
            send(exchange, canned.getKey(), canned.getValue());
        }
    }

    private HttpPaymentGateway gateway(String path, Duration readTimeout) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + path + "/";
        return new HttpPaymentGateway(new PaymentProperties(PaymentProperties.Mode.HTTP, url, "gateway-key",
                "callback-secret", Duration.ofSeconds(2), readTimeout), json);
    }

    @Test
    void ordersWithTheIdempotencyKeyAndBearerKeyTheAmountInPaise() throws IOException {
        PaymentOrder order = gateway("/ok", Duration.ofSeconds(5))
                .order("RPR-2026-000042:government-fee", "RPR-2026-000042", FEE, "9876543210");

        assertThat(order).isEqualTo(new PaymentOrder("pay_1", "https://pay.example/p/pay_1"));
        Map<String, String> sent = requests.get(0);
        assertThat(sent).containsEntry("method", "POST").containsEntry("path", "/ok/payments")
                .containsEntry("authorization", "Bearer gateway-key")
                .containsEntry("idempotencyKey", "RPR-2026-000042:government-fee");
        assertThat(sent.get("contentType")).startsWith("application/json");
        JsonNode body = json.readTree(sent.get("body"));
        assertThat(body.path("reference").asText()).isEqualTo("RPR-2026-000042:government-fee");
        assertThat(body.path("requestNumber").asText()).isEqualTo("RPR-2026-000042");
        assertThat(body.path("amount").asLong()).isEqualTo(50_000L);
        assertThat(body.path("currency").asText()).isEqualTo("INR");
        assertThat(body.path("description").asText()).isEqualTo("Government registration fee");
        assertThat(body.path("customerPhone").asText()).isEqualTo("919876543210");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameOrderAndIsChargedOnce() {
        HttpPaymentGateway gateway = gateway("/ok", Duration.ofSeconds(5));

        PaymentOrder first = gateway.order("RPR-2026-000042:government-fee", "RPR-2026-000042", FEE, "9876543210");
        PaymentOrder retry = gateway.order("RPR-2026-000042:government-fee", "RPR-2026-000042", FEE, "9876543210");
        PaymentOrder otherRequest = gateway.order("RPR-2026-000043:government-fee", "RPR-2026-000043", FEE,
                "9876543211");

        assertThat(retry).isEqualTo(first);
        assertThat(otherRequest.reference()).isNotEqualTo(first.reference());
        assertThat(requests).hasSize(3);
        assertThat(charged).containsExactly("RPR-2026-000042:government-fee", "RPR-2026-000043:government-fee");
    }

    @Test
    void aServerErrorOrARefusalIsAnExceptionNamingTheAnswer() {
        assertThatThrownBy(() -> gateway("/broken", Duration.ofSeconds(5)).order("K:fee", "K", FEE, "9876543210"))
                .isInstanceOf(PaymentGatewayException.class).hasMessageContaining("503")
                .hasMessageContaining("maintenance");
        assertThatThrownBy(() -> gateway("/refused", Duration.ofSeconds(5)).order("K:fee", "K", FEE, "9876543210"))
                .isInstanceOf(PaymentGatewayException.class).hasMessageContaining("422")
                .hasMessageContaining("amount below minimum");
    }

    @Test
    void anAnswerWithoutAnIdOrWithAPlainHttpLinkOrNotJsonIsAnException() {
        assertThatThrownBy(() -> gateway("/no-id", Duration.ofSeconds(5)).order("K:fee", "K", FEE, "9876543210"))
                .isInstanceOf(PaymentGatewayException.class).hasMessageContaining("without a usable id");
        assertThatThrownBy(() -> gateway("/plain-link", Duration.ofSeconds(5))
                .order("K:fee", "K", FEE, "9876543210"))
                .isInstanceOf(PaymentGatewayException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> gateway("/not-json", Duration.ofSeconds(5)).order("K:fee", "K", FEE, "9876543210"))
                .isInstanceOf(PaymentGatewayException.class).hasMessageContaining("not JSON");
    }

    @Test
    void noAnswerInTimeIsAnException() {
        assertThatThrownBy(() -> gateway("/slow", Duration.ofMillis(300)).order("K:fee", "K", FEE, "9876543210"))
                .isInstanceOf(PaymentGatewayException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void anUnreachableGatewayIsAnException() throws IOException {
        HttpServer closed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int port = closed.getAddress().getPort();
        closed.stop(0);
        HttpPaymentGateway gateway = new HttpPaymentGateway(new PaymentProperties(PaymentProperties.Mode.HTTP,
                "http://127.0.0.1:" + port, "gateway-key", "secret", Duration.ofSeconds(1),
                Duration.ofSeconds(1)), json);

        // refused at once, or (where the network drops such packets) not connected within the connect timeout
        assertThatThrownBy(() -> gateway.order("K:fee", "K", FEE, "9876543210"))
                .isInstanceOf(PaymentGatewayException.class).hasMessageStartingWith("Payment gateway");
    }

    @Test
    void theHttpModeNeedsTheGatewaysAddressAndKey() {
        assertThatThrownBy(() -> new HttpPaymentGateway(new PaymentProperties(PaymentProperties.Mode.HTTP, null,
                "key", "secret", Duration.ofSeconds(1), Duration.ofSeconds(1)), json))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MITAN_PAYMENT_URL");
        assertThatThrownBy(() -> new HttpPaymentGateway(new PaymentProperties(PaymentProperties.Mode.HTTP,
                "https://pay.example", " ", "secret", Duration.ofSeconds(1), Duration.ofSeconds(1)), json))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MITAN_PAYMENT_API_KEY");
    }

    private String record(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        requests.add(Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getPath(),
                "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                "contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                "idempotencyKey", String.valueOf(key),
                "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        return key;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
