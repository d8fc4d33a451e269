package org.mitan.delivery;

import java.time.Duration;

/** No OTP may be sent now; {@link #retryAfter()} says when one may. Nothing was changed. */
class OtpLimitReached extends RuntimeException {

    private final Duration retryAfter;

    OtpLimitReached(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, for a {@code Retry-After} header. */
    long retryAfterSeconds() {
        return (retryAfter.toMillis() + 999) / 1000;
    }
}
