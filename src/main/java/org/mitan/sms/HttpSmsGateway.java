package org.mitan.sms;

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
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mitan.text.Graphemes;

/**
 * An SMS provider's HTTP API ({@code mitan.sms.mode=http}): {@code POST <url>} with
 * {@code {"to": "91XXXXXXXXXX", "sender": ..., "text": ..., "reference": ...}}, {@code Authorization: Bearer <api-key>}
 * and {@code Idempotency-Key}, both the outbox message's key ({@code mitan-sms-<id>}), the same on every attempt; a
 * 2xx answer carries {@code {"messageId": ...}}. A provider that honours the key sends a message once even when an
 * answer was lost; with one that does not, a message whose answer was lost (a timeout, a crash before the outbox row
 * was marked sent) may reach the phone twice. A 400, 404, 413 or 422 is a refusal of the message itself
 * ({@link SmsGatewayException#refused}); any other answer, a timeout or a broken connection means the provider cannot
 * be used now, and the dispatcher waits before it tries again.
 */
class HttpSmsGateway implements SmsGateway {

    /** The outbox column that keeps the provider's reference. */
    private static final int MAX_REFERENCE_LENGTH = 64;
    /** Answers about the message itself; 401, 403, 408, 429 and 5xx are about the provider or our account. */
    private static final Set<Integer> REFUSALS_OF_THE_MESSAGE = Set.of(400, 404, 413, 422);

    private final HttpClient client;
    private final URI url;
    private final String apiKey;
    private final String senderId;
    private final Duration readTimeout;
    private final ObjectMapper json;

    HttpSmsGateway(SmsProperties properties, ObjectMapper json) {
        this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        this.url = URI.create(properties.url());
        this.apiKey = properties.apiKey();
        this.senderId = properties.senderId();
        this.readTimeout = properties.readTimeout();
        this.json = json;
    }

    @Override
    public String send(String phone, String body, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(payload(phone, body, idempotencyKey), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new SmsGatewayException("SMS provider did not answer within " + readTimeout, e);
        } catch (IOException e) {
            throw new SmsGatewayException("SMS provider unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGatewayException("Interrupted while sending an SMS", e);
        }
        if (REFUSALS_OF_THE_MESSAGE.contains(response.statusCode())) {
            throw SmsGatewayException.refused("SMS provider refused the message with " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        if (response.statusCode() / 100 != 2) {
            throw new SmsGatewayException("SMS provider answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return reference(response.body());
    }

    private String payload(String phone, String body, String reference) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("to", "91" + phone);
        payload.put("sender", senderId);
        payload.put("text", body);
        payload.put("reference", reference);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an SMS request", e);
        }
    }

    private String reference(String answer) {
        JsonNode messageId;
        try {
            messageId = json.readTree(answer).path("messageId");
        } catch (JsonProcessingException e) {
            throw new SmsGatewayException("SMS provider answered with something that is not JSON: "
                    + abbreviate(answer), e);
        }
        if (!messageId.isValueNode() || messageId.asText().isBlank()) {
            throw new SmsGatewayException("SMS provider answered without a messageId: " + abbreviate(answer));
        }
        String reference = messageId.asText();
        return reference.length() <= MAX_REFERENCE_LENGTH ? reference : reference.substring(0, MAX_REFERENCE_LENGTH);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return Graphemes.truncate(text, 200, "…");
    }
}
