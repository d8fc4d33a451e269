package org.mitan.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal that only the web layer makes (the caller is not logged in), with its HTTP status; rendered as an
 * RFC 9457 problem detail by {@link ApiExceptionHandler}. The domain refuses with {@link org.mitan.failure.Refusal}.
 */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    ApiException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    HttpStatus getStatus() {
        return status;
    }

    String getTitle() {
        return title;
    }
}
