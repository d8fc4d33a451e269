package org.mitan.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on; rendered as an RFC 9457 problem detail by {@link ApiExceptionHandler}.
 * Throw it before anything is written, so that a refused call changes nothing.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ApiException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Not allowed", detail);
    }

    public static ApiException conflict(String detail, Map<String, Object> properties) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, properties);
    }

    /** 400 naming each bad field: {@code fieldErrors} maps a field to what is wrong with it. */
    public static ApiException invalid(Map<String, String> fieldErrors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid input",
                "Please correct: " + String.join("; ", fieldErrors.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()),
                Map.of("fieldErrors", fieldErrors));
    }

    public HttpStatus getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public Map<String, Object> getProperties() {
        return properties;
    }
}
