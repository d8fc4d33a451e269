package org.mitan.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Bringing the certificate home: the citizen's OTP (kept only as a hash) proves the hand-over. */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, unique = true, updatable = false)
    private Long requestId;

    @Column(name = "mitan_user_id", nullable = false)
    private String mitanUserId;

    @Column(name = "otp_hash", nullable = false)
    private String otpHash;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "otp_sent_count", nullable = false)
    private int otpSentCount;

    @Column(name = "otp_sent_at", nullable = false)
    private Instant otpSentAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "delivered_by")
    private String deliveredBy;

    @Column(name = "wrong_otp_rounds", nullable = false)
    private int wrongRounds;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Version
    private long version;

    protected Delivery() {
    }

    public Delivery(Long requestId, String mitanUserId, String otpHash, Instant otpSentAt) {
        this.requestId = requestId;
        this.mitanUserId = mitanUserId;
        this.otpHash = otpHash;
        this.otpSentAt = otpSentAt;
        this.otpSentCount = 1;
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getMitanUserId() {
        return mitanUserId;
    }

    public void setMitanUserId(String mitanUserId) {
        this.mitanUserId = mitanUserId;
    }

    public String getOtpHash() {
        return otpHash;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public int getOtpSentCount() {
        return otpSentCount;
    }

    public Instant getOtpSentAt() {
        return otpSentAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getDeliveredBy() {
        return deliveredBy;
    }

    public boolean isDelivered() {
        return deliveredAt != null;
    }

    public void recordFailedAttempt() {
        failedAttempts++;
    }

    /** Rounds of wrong OTPs so far: each ends when an OTP has been entered wrongly as often as allowed. */
    public int getWrongRounds() {
        return wrongRounds;
    }

    public void recordWrongRound() {
        wrongRounds++;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    /** Locked after too many wrong OTPs: only a supervisor may send the next one. */
    public boolean isLocked() {
        return lockedAt != null;
    }

    public void lock(Instant now) {
        this.lockedAt = now;
    }

    /** A supervisor checked with the citizen: the rounds start again. */
    public void unlock() {
        this.lockedAt = null;
        this.wrongRounds = 0;
    }

    /** A new OTP replaces the old one and resets the attempt count. */
    public void replaceOtp(String newOtpHash, Instant now) {
        this.otpHash = newOtpHash;
        this.failedAttempts = 0;
        this.otpSentCount++;
        this.otpSentAt = now;
    }

    public void markDelivered(String userId, Instant now) {
        this.deliveredBy = userId;
        this.deliveredAt = now;
    }
}
