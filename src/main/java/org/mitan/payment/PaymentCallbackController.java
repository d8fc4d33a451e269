package org.mitan.payment;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mitan.failure.Refusal;
import org.mitan.web.NulCharacters;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/payments/callback}: the payment gateway says a payment was made. No login: the body must carry the
 * gateway's signature ({@code X-Payment-Signature: sha256=<hex of HMAC-SHA256(secret, body)>}); without it 400, with a
 * wrong one 401, and nothing changes either way. The body:
 * <pre>{"paymentId": "pay_8841", "status": "PAID", "amount": 10000, "receiptNumber": "RCPT-2026-0001"}</pre>
 * (amount in paise). A paid payment is recorded once, its receipt kept and the waiting step moved on; the same
 * callback again answers 200 {@code "recorded": false} and changes nothing. A status other than {@code PAID} (a failed
 * attempt) changes nothing: the citizen may pay again until the step's days run out.
 */
@RestController
class PaymentCallbackController {

    static final String PATH = "/api/payments/callback";

    private final CallbackSignature signature;
    private final Payments payments;
    private final ObjectMapper json;

    PaymentCallbackController(CallbackSignature signature, Payments payments, ObjectMapper json) {
        this.signature = signature;
        this.payments = payments;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> callback(@RequestHeader(name = CallbackSignature.HEADER, required = false) String signed,
            @RequestBody byte[] body) {
        if (signed == null || signed.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "Signature missing", "The callback carries no "
                    + CallbackSignature.HEADER + " header. Sign the body as " + CallbackSignature.PREFIX
                    + "<hex of HMAC-SHA256(secret, body)>.");
        }
        if (!signature.genuine(signed, body)) {
            return problem(HttpStatus.UNAUTHORIZED, "Signature wrong", "The " + CallbackSignature.HEADER
                    + " header is not the signature of this body with the agreed secret. Nothing was recorded.");
        }
        JsonNode callback = read(body);
        String status = text(callback, "status");
        String paymentId = text(callback, "paymentId");
        if (!"PAID".equals(status)) {
            return ResponseEntity.ok(Map.of("paymentId", paymentId, "recorded", false,
                    "detail", "Status " + status + ": nothing recorded; the citizen may pay again."));
        }
        JsonNode amount = callback.path("amount");
        if (!amount.canConvertToLong() || !amount.isIntegralNumber()) {
            throw Refusal.invalid(Map.of("amount", "must be the amount paid in paise, a whole number"));
        }
        String receipt = text(callback, "receiptNumber");
        if (receipt.length() > 64 || !receipt.matches("[A-Za-z0-9/_.:-]+")) {
            throw Refusal.invalid(Map.of("receiptNumber", "must be at most 64 letters, digits or / _ . : -"));
        }
        boolean recorded = payments.confirm(new Payments.Callback(paymentId, amount.asLong(), receipt));
        return ResponseEntity.ok(Map.of("paymentId", paymentId, "recorded", recorded));
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw Refusal.invalid(Map.of("body", "must be a JSON object"));
            }
            return node;
        } catch (IOException e) {
            throw Refusal.invalid(Map.of("body", "is not valid JSON"));
        }
    }

    private static String text(JsonNode callback, String field) {
        JsonNode value = callback.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw Refusal.invalid(Map.of(field, "is missing"));
        }
        if (NulCharacters.in(value.asText())) {
            throw Refusal.invalid(Map.of(field, NulCharacters.REFUSAL));
        }
        return value.asText().strip();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
