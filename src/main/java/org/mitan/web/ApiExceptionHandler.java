package org.mitan.web;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.mitan.failure.Refusal;
import org.mitan.failure.Unavailable;
import org.mitan.text.Excerpt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API as an RFC 9457 problem detail with a message a person can act on; and every failure
 * nobody foresaw as a 500 problem detail that tells the person what to do, logged with its stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private final Clock clock;
    /** Absent in web-layer slice tests, which have no database: there the failure's causes alone decide. */
    private final DatabaseOutages outages;

    ApiExceptionHandler(ObjectProvider<Clock> clock, ObjectProvider<DatabaseOutages> outages) {
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.outages = outages.getIfAvailable();
    }

    /** A refusal of the domain, with the status its kind has in HTTP. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> handle(Refusal e) {
        return problem(statusOf(e.getKind()), e.getTitle(), e.getMessage(), e.getProperties());
    }

    /** A refusal of the web layer itself: not logged in. */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handle(ApiException e) {
        return problem(e.getStatus(), e.getTitle(), e.getMessage(), Map.of());
    }

    static HttpStatus statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNACCEPTABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * A system we rely on (the document store) is down: the caller may retry; nothing was written (objects go
     * first, rows after).
     */
    @ExceptionHandler(Unavailable.class)
    ResponseEntity<ProblemDetail> handle(Unavailable e) {
        String system = Character.toUpperCase(e.getSystem().charAt(0)) + e.getSystem().substring(1);
        LOG.error("{} failed", system, e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, system + " unavailable", "The " + e.getSystem()
                + " cannot be reached just now; try again in a few minutes. / यह सेवा अभी नहीं मिल रही; कुछ मिनट"
                + " बाद फिर करें।", Map.of());
    }

    /**
     * The engine would not act on a process or task that an administrator suspended in Cockpit (the request paused,
     * or its type). The transaction rolled back; the step can be done once the process is resumed.
     */
    @ExceptionHandler(SuspendedEntityInteractionException.class)
    ResponseEntity<ProblemDetail> handle(SuspendedEntityInteractionException e) {
        LOG.info("Refused, suspended in the engine: {}", e.getMessage());
        return handle(Refusal.conflict("This request's process is suspended (paused by an administrator in Cockpit);"
                + " nothing was changed. Try again once it is resumed, or ask the administrator. / यह आवेदन प्रशासक"
                + " ने रोका है; कुछ नहीं बदला। फिर शुरू होने पर करें।", Map.of()));
    }

    /**
     * A constraint of the database refused a write that the checks before it let through, typically two people
     * doing the same thing at the same moment. The transaction rolled back.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handle(DataIntegrityViolationException e) {
        LOG.warn("A write clashed with the data already saved", e);
        return handle(Refusal.conflict("This clashes with data saved at the same moment, perhaps by someone"
                + " else doing the same thing; nothing was changed. Reload, check, and try again if it is still"
                + " needed. / उसी समय किसी और ने भी यही बदला; कुछ नहीं बदला। पेज फिर खोलें और जाँचें।", Map.of()));
    }

    /**
     * Anything else: a fault on our side. The caller learns that nothing was changed (the transaction rolled back)
     * and the time to quote to the helpdesk, which finds the stack trace in the log at that time. Spring Security's
     * refusals pass on to its own handling (401/403).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (causedBy(e, BodySizeLimit.TooLarge.class)) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Body too large", BodySizeLimit.REFUSAL, Map.of());
        }
        if (outages != null ? outages.explain(e) : DatabaseOutages.isCause(e)) {
            LOG.error("The database could not be reached for {} {}", request.getMethod(), request.getRequestURI(), e);
            ResponseEntity<ProblemDetail> unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutages.TITLE,
                    DatabaseOutages.DETAIL, Map.of());
            return ResponseEntity.status(unavailable.getStatusCode())
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutages.RETRY_AFTER_SECONDS).body(unavailable.getBody());
        }
        String time = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(TIME);
        LOG.error("Unexpected failure of {} {} at {}", request.getMethod(), request.getRequestURI(), time, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed. Try again; if it keeps failing, tell the"
                        + " helpdesk the time: " + time + ". / सर्वर पर गड़बड़ी हुई; कुछ नहीं बदला। फिर करें; बार-बार"
                        + " हो तो हेल्पडेस्क को यह समय बताएँ: " + time + "।");
        problem.setTitle("Internal error");
        problem.setProperty("time", time);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handle(MethodArgumentTypeMismatchException e) {
        return handle(Refusal.invalid(Map.of(e.getName(), e.getCause() instanceof NulCharacters.InParameter
                ? NulCharacters.REFUSAL : "is not a valid value")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors()
                .forEach(error -> fieldErrors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return ResponseEntity.badRequest().body(handle(Refusal.invalid(fieldErrors)).getBody());
    }

    /**
     * JSON that is not well-formed or not what the call takes, said so that the sender can fix it: which field, and
     * what is wrong. Nothing was read, so nothing changed.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        if (causedBy(e, BodySizeLimit.TooLarge.class)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "Body too large", BodySizeLimit.REFUSAL, Map.of()).getBody());
        }
        return ResponseEntity.badRequest().body(handle(unreadable(e)).getBody());
    }

    static Refusal unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            String message = json.getOriginalMessage() == null ? "" : json.getOriginalMessage();
            if (message.startsWith("Duplicate field")) {
                return badJson("The JSON names a field twice (" + quoted(message) + "); send each field once.");
            }
            if (message.startsWith("Trailing token")) {
                return badJson("The JSON has more after its closing brace; send exactly one JSON object.");
            }
            if (cause instanceof NulCharacters.InJson nul) {
                return Refusal.invalid(Map.of(nul.getPath().isEmpty() ? "body" : field(nul), NulCharacters.REFUSAL));
            }
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    && mapping.getCause() instanceof InputCoercionException) {
                // a number too big for the field ("rating": 3000000000): the field's fault, not the JSON's
                return Refusal.invalid(Map.of(field(mapping), "is out of range for a whole number here"));
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = field(mismatch);
                Class<?> target = mismatch.getTargetType();
                boolean wholeNumber = target == Integer.class || target == int.class || target == Long.class
                        || target == long.class || target == Short.class || target == short.class;
                return Refusal.invalid(Map.of(field, wholeNumber ? "must be a whole number"
                        : "has a value of the wrong kind"));
            }
            if (cause instanceof MismatchedInputException) {
                // well-formed, but a list, a text or a number where the call takes an object
                return badJson("The body must be one JSON object, {\"field\": value, ...}, with the fields the call"
                        + " takes; not a list, a text or a number.");
            }
            return badJson("The body is not well-formed JSON (" + (json.getLocation() == null ? "unreadable"
                    : "line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr())
                    + "). Send one JSON object.");
        }
        return badJson("The body could not be read. Send one JSON object with the fields the call takes.");
    }

    /** Where in the JSON the value is: {@code citizenName}, {@code wards.[1]}. */
    private static String field(JsonMappingException mismatch) {
        return mismatch.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining("."));
    }

    private static Refusal badJson(String detail) {
        return new Refusal(Refusal.Kind.INVALID, "Malformed JSON", detail);
    }

    private static String quoted(String message) {
        int start = message.indexOf('\'');
        int end = message.indexOf('\'', start + 1);
        return start >= 0 && end > start ? "\"" + Excerpt.of(message.substring(start + 1, end)) + "\"" : "a field";
    }

    /**
     * A body of a kind the call does not take (text/plain, XML, a form where JSON belongs): which kinds it takes, not
     * Spring's words, which repeat the Content-Type header as sent.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        String takes = e.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                .collect(java.util.stream.Collectors.joining(" or "));
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
                "This call takes its body as " + (takes.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : takes)
                        + ", named so in the Content-Type header; nothing was read or changed. / डेटा सही रूप"
                        + " (Content-Type) में भेजें; कुछ नहीं बदला।", Map.of()).getBody();
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        return ResponseEntity.badRequest()
                .body(handle(Refusal.invalid(Map.of(e.getRequestPartName(), "is missing"))).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        return ResponseEntity.badRequest()
                .body(handle(Refusal.invalid(Map.of(e.getParameterName(), "is missing"))).getBody());
    }

    /**
     * A body sent as {@code multipart/form-data} that cannot be read as one: no boundary, or cut off before its
     * closing boundary. The servlet container fails to parse it before any controller runs (on every path the
     * dispatcher serves, the public ones included); nothing was read, so nothing changed. A file over the limit is
     * {@link #handleMaxUploadSizeExceededException}'s.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handle(MultipartException e) {
        LOG.info("Multipart body refused: {}", e.getMostSpecificCause().getMessage());
        return handle(new Refusal(Refusal.Kind.INVALID, "Incomplete upload", "The upload's body is not a complete"
                + " multipart form (multipart/form-data with its boundary, each part, and the closing boundary);"
                + " nothing was saved. Send the file again. / फ़ाइल पूरी नहीं पहुँची; कुछ जमा नहीं हुआ। फिर से"
                + " भेजें।"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The file is larger than the upload limit. Scan at a lower resolution or split the document. / फ़ाइल"
                        + " बहुत बड़ी है: कम रिज़ॉल्यूशन पर स्कैन करें या दस्तावेज़ को भागों में भेजें।");
        problem.setTitle("File too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }
}
