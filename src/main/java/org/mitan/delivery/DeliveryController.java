package org.mitan.delivery;

import java.time.Instant;

import org.mitan.failure.Refusal;
import org.mitan.mitan.RequestAccess;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.web.Caller;
import org.mitan.web.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Mitan at the door (or a supervisor) asks for a fresh delivery OTP when the citizen did not get it; too soon
 * or too often is a 429 with {@code Retry-After}.
 */
@RestController
class DeliveryController {

    private final Requests requests;
    private final RequestAccess access;
    private final Deliveries deliveries;

    DeliveryController(Requests requests, RequestAccess access, Deliveries deliveries) {
        this.requests = requests;
        this.access = access;
        this.deliveries = deliveries;
    }

    record OtpSent(String requestNumber, int otpSentCount, Instant otpSentAt, String message) {
    }

    @PostMapping("/api/requests/{number}/delivery/otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OtpSent resendOtp(@PathVariable String number) {
        Caller caller = Caller.current();
        ServiceRequest request = requests.require(number);
        if (!caller.hasRoleFor(Roles.SUPERVISOR, request.getBodyCode()) && !access.isAssignedMitan(caller, request)) {
            throw Refusal.notAllowed("Only the Mitan delivering request " + number
                    + " or a supervisor may send a new OTP.");
        }
        Delivery delivery = deliveries.resendOtp(number, caller.userId(), caller.inAnyGroup(Roles.SUPERVISOR));
        return new OtpSent(number, delivery.getOtpSentCount(), delivery.getOtpSentAt(),
                "A new OTP has been sent to the citizen's phone; the earlier one no longer works.");
    }

    /** 429 with the seconds to wait in {@code Retry-After}; nothing was sent or changed. */
    @ExceptionHandler(OtpLimitReached.class)
    ResponseEntity<ProblemDetail> tooSoon(OtpLimitReached limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, limit.getMessage());
        problem.setTitle("Too many OTPs");
        problem.setProperty("retryAfterSeconds", limit.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(limit.retryAfterSeconds()))
                .body(problem);
    }
}
