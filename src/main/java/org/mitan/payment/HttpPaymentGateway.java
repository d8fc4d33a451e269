package org.mitan.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mitan.text.Graphemes;

/**
 * A payment gateway's HTTP/JSON API ({@code mitan.payment.mode=http}): {@code POST <url>/payments} with
 * {@code Authorization: Bearer <api-key>}, {@code Idempotency-Key: <request number>:<fee code>} and
 * <pre>{"reference": "RPR-2026-000042:government-fee", "requestNumber": "RPR-2026-000042", "amount": 10000,
 *  "currency": "INR", "description": "Government registration fee", "customerPhone": "919876543210"}</pre>
 * (the amount in paise); a 2xx answer carries {@code {"id": ..., "paymentUrl": ...}}. The gateway answers the same
 * key with the same payment, so a retry never charges twice. Any other answer, a timeout or a broken connection is a
 * {@link PaymentGatewayException}: the step is retried, then an incident an operator sees in Cockpit.
 */
class HttpPaymentGateway implements PaymentGateway {

    static final String NAME = "http";
    private static final int MAX_REFERENCE_LENGTH = 100;
    private static final int MAX_URL_LENGTH = 500;

    private final HttpClient client;
    private final URI orders;
    private final String apiKey;
    private final Duration readTimeout;
    private final ObjectMapper json;

    HttpPaymentGateway(PaymentProperties properties, ObjectMapper json) {
        if (properties.url() == null || properties.url().isBlank() || properties.apiKey() == null
                || properties.apiKey().isBlank()) {
            throw new IllegalStateException("MITAN_PAYMENT_MODE=http needs MITAN_PAYMENT_URL (the gateway's API) "
                    + "and MITAN_PAYMENT_API_KEY; see README.md, Configuration.");
        }
        this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        this.orders = URI.create(properties.url().strip().replaceAll("/+$", "") + "/payments");
        this.apiKey = properties.apiKey();
        this.readTimeout = properties.readTimeout();
        this.json = json;
    }

    @Override
    public PaymentOrder order(String idempotencyKey, String requestNumber, FeeDue fee, String citizenPhone) {
        HttpRequest request = HttpRequest.newBuilder(orders)
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(payload(idempotencyKey, requestNumber, fee, citizenPhone),
                        StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PaymentGatewayException("Payment gateway did not answer within " + readTimeout, e);
        } catch (IOException e) {
            throw new PaymentGatewayException("Payment gateway unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentGatewayException("Interrupted while ordering a payment", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new PaymentGatewayException("Payment gateway answered " + response.statusCode() + " to the order "
                    + idempotencyKey + ": " + abbreviate(response.body()));
        }
        return order(idempotencyKey, response.body());
    }

    @Override
    public String name() {
        return NAME;
    }

    private String payload(String idempotencyKey, String requestNumber, FeeDue fee, String citizenPhone) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reference", idempotencyKey);
        payload.put("requestNumber", requestNumber);
        payload.put("amount", fee.rupees() * 100L);
        payload.put("currency", "INR");
        payload.put("description", fee.label());
        payload.put("customerPhone", "91" + citizenPhone);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a payment order", e);
        }
    }

    private PaymentOrder order(String idempotencyKey, String answer) {
        JsonNode body;
        try {
            body = json.readTree(answer);
        } catch (JsonProcessingException e) {
            throw new PaymentGatewayException("Payment gateway answered the order " + idempotencyKey
                    + " with something that is not JSON: " + abbreviate(answer), e);
        }
        JsonNode id = body.path("id");
        if (!id.isValueNode() || id.asText().isBlank() || id.asText().length() > MAX_REFERENCE_LENGTH) {
            throw new PaymentGatewayException("Payment gateway answered the order " + idempotencyKey
                    + " without a usable id: " + abbreviate(answer));
        }
        String payUrl = body.path("paymentUrl").isTextual() ? body.path("paymentUrl").asText().strip() : null;
        if (payUrl != null && (payUrl.isEmpty() || payUrl.length() > MAX_URL_LENGTH
                || !payUrl.startsWith("https://"))) {
            throw new PaymentGatewayException("Payment gateway answered the order " + idempotencyKey
                    + " with a payment link that is not an https address of at most " + MAX_URL_LENGTH
                    + " characters: " + abbreviate(payUrl));
        }
        return new PaymentOrder(id.asText(), payUrl);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : Graphemes.truncate(text, 200, "…");
    }
}
