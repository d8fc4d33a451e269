package org.mitan.delivery;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many delivery OTPs may go out and how many wrong ones are tolerated ({@code mitan.delivery.*}):
 * <ul>
 * <li>{@code otp-max-attempts} wrong OTPs in a row end a round: the OTP stops working;</li>
 * <li>after {@code otp-max-rounds} rounds the delivery is locked: no new OTP goes out by itself and only a
 * supervisor may send one, after checking with the citizen;</li>
 * <li>an OTP asked for by hand waits {@code otp-resend-interval} after the last one;</li>
 * <li>at most {@code otp-max-per-day} OTPs per request in 24 hours, and {@code otp-max-per-mitan-per-hour} per
 * Mitan in an hour across their requests, whoever or whatever asked for them.</li>
 * </ul>
 * Counted from the outbox and the delivery rows in the database, so that two application nodes count together.
 */
@Component
class OtpLimits {

    private final int maxAttempts;
    private final int maxRounds;
    private final Duration resendInterval;
    private final int maxPerRequestPerDay;
    private final int maxPerMitanPerHour;

    OtpLimits(@Value("${mitan.delivery.otp-max-attempts:3}") int maxAttempts,
            @Value("${mitan.delivery.otp-max-rounds:3}") int maxRounds,
            @Value("${mitan.delivery.otp-resend-interval:60s}") Duration resendInterval,
            @Value("${mitan.delivery.otp-max-per-day:5}") int maxPerRequestPerDay,
            @Value("${mitan.delivery.otp-max-per-mitan-per-hour:30}") int maxPerMitanPerHour) {
        require(maxAttempts >= 1, "otp-max-attempts must be at least 1");
        require(maxRounds >= 1, "otp-max-rounds must be at least 1");
        require(!resendInterval.isNegative(), "otp-resend-interval must not be negative");
        require(maxPerRequestPerDay >= 1, "otp-max-per-day must be at least 1");
        require(maxPerMitanPerHour >= 1, "otp-max-per-mitan-per-hour must be at least 1");
        this.maxAttempts = maxAttempts;
        this.maxRounds = maxRounds;
        this.resendInterval = resendInterval;
        this.maxPerRequestPerDay = maxPerRequestPerDay;
        this.maxPerMitanPerHour = maxPerMitanPerHour;
    }

    /** The defaults: 3 attempts, 3 rounds, 60 s between OTPs asked for by hand, 5 a day, 30 per Mitan an hour. */
    static OtpLimits defaults() {
        return new OtpLimits(3, 3, Duration.ofSeconds(60), 5, 30);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("mitan.delivery." + message);
        }
    }

    int maxAttempts() {
        return maxAttempts;
    }

    int maxRounds() {
        return maxRounds;
    }

    Duration resendInterval() {
        return resendInterval;
    }

    int maxPerRequestPerDay() {
        return maxPerRequestPerDay;
    }

    int maxPerMitanPerHour() {
        return maxPerMitanPerHour;
    }
}
