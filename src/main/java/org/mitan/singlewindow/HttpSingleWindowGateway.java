package org.mitan.singlewindow;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.mitan.text.Graphemes;

/**
 * Client of the state's single-window API. The wire contract, owned here so that it does not change with the
 * application's own JSON settings:
 * <ul>
 * <li>{@code POST {url}/applications}, body: the {@link ApplicationFiling} as JSON ({@code requestNumber},
 *     {@code certificateType}, {@code bodyCode}, {@code ward}, {@code citizenName}, {@code citizenPhone},
 *     {@code address}, {@code particulars} (object), {@code documents} (array of {@code documentType},
 *     {@code sha256}, {@code sizeBytes}, {@code contentType})). Answer 200 or 201 with
 *     {@code {"reference": "..."}} (at most 64 characters).</li>
 * <li>{@code POST {url}/applications/{reference}/certificate}, body: the {@link CertificateOrder} as JSON
 *     ({@code issuedAt} as an ISO-8601 instant; the server prints {@code verificationUrl} as the certificate's QR
 *     code). Answer 200 or 201 with {@code {"certificateNumber": "...", "pdfBase64": "..."}}, the PDF in standard
 *     base64.</li>
 * <li>Headers on both: {@code Authorization: Bearer <apiKey>}, {@code Content-Type}
 *     {@code application/json; charset=utf-8} (names and addresses are often in Devanagari; the charset is said
 *     for servers that would otherwise read the body as Latin-1), {@code Accept} {@code application/json}, and
 *     {@code Idempotency-Key}: the request number for the filing,
 *     {@code <requestNumber>-certificate} for the certificate. The server answers a repeated key with the first
 *     answer, so a retry after a crash files once and issues once.</li>
 * <li>Refusal on the merits: any other 4xx, with the reason taken from the body's {@code detail} (RFC 9457) or
 *     {@code message}, else the status: {@link SingleWindowRejection}.</li>
 * <li>Technical failures, which the engine retries and then turns into an incident:
 *     {@link SingleWindowUnavailableException} for 5xx, 3xx and unexpected 2xx statuses, an unreadable or
 *     incomplete answer, a refused or failed connection, no connection within {@code connect-timeout}, no
 *     complete answer within {@code read-timeout}; and for the 4xx statuses that say nothing about the
 *     application: 401/403 (our credentials), 408 and 429 (try later) and 409 (an earlier attempt with the same
 *     idempotency key is still in progress).</li>
 * </ul>
 */
class HttpSingleWindowGateway implements SingleWindowGateway {

    static final String NAME = "http";
    private static final Set<Integer> TECHNICAL_CLIENT_ERRORS = Set.of(401, 403, 407, 408, 409, 425, 429);
    private static final int MAX_REASON_LENGTH = 500;
    private static final int MAX_REFERENCE_LENGTH = 64;

    private final URI baseUri;
    private final String apiKey;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private final HttpClient client;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    HttpSingleWindowGateway(SingleWindowProperties properties) {
        this.baseUri = properties.baseUri();
        this.apiKey = properties.apiKey().strip();
        this.readTimeout = properties.readTimeout();
        this.connectTimeout = properties.connectTimeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public SubmissionReceipt submit(ApplicationFiling filing) {
        JsonNode answer = post(URI.create(baseUri + "/applications"), filing.requestNumber(), filing,
                "filing request " + filing.requestNumber());
        String reference = text(answer, "reference", "filing request " + filing.requestNumber());
        if (reference.length() > MAX_REFERENCE_LENGTH) {
            throw new SingleWindowUnavailableException("The single-window system answered the filing of request "
                    + filing.requestNumber() + " with a reference longer than " + MAX_REFERENCE_LENGTH
                    + " characters.");
        }
        return new SubmissionReceipt(reference);
    }

    @Override
    public IssuedCertificate issue(CertificateOrder order) {
        String what = "certificate for request " + order.requestNumber();
        URI uri = URI.create(baseUri + "/applications/" + pathSegment(order.submissionReference()) + "/certificate");
        JsonNode answer = post(uri, order.requestNumber() + "-certificate", order, what);
        String number = text(answer, "certificateNumber", what);
        byte[] pdf;
        try {
            pdf = Base64.getMimeDecoder().decode(text(answer, "pdfBase64", what));
        } catch (IllegalArgumentException e) {
            throw new SingleWindowUnavailableException("The single-window system sent the " + what
                    + " with a pdfBase64 that is not base64.", e);
        }
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new SingleWindowUnavailableException("The single-window system sent the " + what
                    + " without a PDF document in pdfBase64.");
        }
        return new IssuedCertificate(number, pdf);
    }

    @Override
    public String name() {
        return NAME;
    }

    private JsonNode post(URI uri, String idempotencyKey, Object body, String what) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(readTimeout)
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Idempotency-Key", idempotencyKey)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the " + what + " as JSON", e);
        }
        HttpResponse<byte[]> response = exchange(request, what);
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            try {
                JsonNode answer = json.readTree(response.body());
                if (answer == null || !answer.isObject()) {
                    throw new SingleWindowUnavailableException("The single-window system answered the " + what
                            + " with HTTP " + status + " but no JSON object.");
                }
                return answer;
            } catch (IOException e) {
                throw new SingleWindowUnavailableException("The single-window system answered the " + what
                        + " with HTTP " + status + " and a body that is not JSON.", e);
            }
        }
        if (status >= 400 && status < 500 && !TECHNICAL_CLIENT_ERRORS.contains(status)) {
            throw new SingleWindowRejection(reason(response));
        }
        throw new SingleWindowUnavailableException("The single-window system answered the " + what + " with HTTP "
                + status + (status >= 400 ? ": " + reason(response) : "") + ".");
    }

    /**
     * Sends and waits for the whole answer: {@link HttpRequest#timeout} bounds the wait for the headers, the
     * deadline on the future also bounds a body that trickles in.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request, String what) {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            return answer.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timedOut(what, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new SingleWindowUnavailableException("Interrupted while sending the " + what
                    + " to the single-window system.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(what, cause);
            }
            throw new SingleWindowUnavailableException("Cannot reach the single-window system at " + baseUri
                    + " for the " + what + ": " + describe(cause), cause);
        }
    }

    private SingleWindowUnavailableException timedOut(String what, Throwable cause) {
        return new SingleWindowUnavailableException("The single-window system at " + baseUri
                + " did not answer the " + what + " within " + readTimeout.toMillis() + " ms (connect timeout "
                + connectTimeout.toMillis() + " ms).", cause);
    }

    /** The server's own words from a problem detail or an error body, else the status. */
    private String reason(HttpResponse<byte[]> response) {
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null) {
                for (String field : new String[] {"detail", "message"}) {
                    JsonNode value = body.get(field);
                    if (value != null && value.isTextual() && !value.asText().isBlank()) {
                        return shorten(value.asText().strip());
                    }
                }
            }
        } catch (IOException e) {
            // not JSON: fall back to the status
        }
        return "The single-window system refused the application (HTTP " + response.statusCode() + ").";
    }

    private static String text(JsonNode answer, String field, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new SingleWindowUnavailableException("The single-window system answered the " + what
                    + " without " + field + ".");
        }
        return value.asText().strip();
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String text) {
        return Graphemes.truncate(text, MAX_REASON_LENGTH, "…");
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
