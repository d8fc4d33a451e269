package org.mitan.sms;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mitan.text.Graphemes;

/**
 * One SMS in the outbox. It is written in the same transaction as the step that caused it and sent afterwards,
 * so a rolled-back step sends nothing and a sent message is never lost from the record.
 */
@Entity
@Table(name = "sms_message")
public class SmsMessage {

    /** The last_error column's size. */
    static final int MAX_ERROR_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", updatable = false)
    private Long requestId;

    @Column(nullable = false, updatable = false)
    private String phone;

    @Column(nullable = false, updatable = false)
    private String template;

    @Column(nullable = false, updatable = false)
    private String language;

    /** The text as sent; once it has gone out, with its secrets hidden (see {@link #redactBody}). */
    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SmsStatus status = SmsStatus.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "provider_reference")
    private String providerReference;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** Not sent before this time (null: at once): the provider could not be used at the last attempt. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    protected SmsMessage() {
    }

    public SmsMessage(Long requestId, String phone, String template, String language, String body, Instant createdAt) {
        this.requestId = requestId;
        this.phone = phone;
        this.template = template;
        this.language = language;
        this.body = body;
        this.createdAt = createdAt;
    }

    public void markSent(String providerReference, Instant now) {
        this.status = SmsStatus.SENT;
        this.attempts++;
        this.providerReference = providerReference;
        this.sentAt = now;
        this.lastError = null;
        this.nextAttemptAt = null;
    }

    /** The provider refused this message (its number or text); FAILED once refused {@code maxAttempts} times. */
    public void markAttemptFailed(String error, int maxAttempts) {
        this.attempts++;
        this.lastError = Graphemes.truncate(error, MAX_ERROR_LENGTH, "…");
        if (attempts >= maxAttempts) {
            this.status = SmsStatus.FAILED;
        }
    }

    /**
     * The provider could not be used (down, slow, busy): not tried again before {@code retryAt}, or FAILED when
     * {@code retryAt} comes after {@code giveUpAt}.
     */
    public void markProviderUnavailable(String error, Instant retryAt, Instant giveUpAt) {
        this.attempts++;
        this.lastError = Graphemes.truncate(error, MAX_ERROR_LENGTH, "…");
        if (retryAt.isAfter(giveUpAt)) {
            this.status = SmsStatus.FAILED;
            this.nextAttemptAt = null;
        } else {
            this.nextAttemptAt = retryAt;
        }
    }

    /** The key the provider knows every attempt of this message by. */
    public String idempotencyKey() {
        return "mitan-sms-" + id;
    }

    /**
     * Replaces the stored text by its redacted form (secrets such as a delivery OTP hidden). Only once the message
     * will not be sent again (SENT or FAILED): a pending message still needs its real text.
     */
    public void redactBody(String redacted) {
        if (status == SmsStatus.PENDING) {
            throw new IllegalStateException("SMS " + id + " is still to be sent; its text cannot be redacted yet");
        }
        if (redacted == null || redacted.isBlank()) {
            throw new IllegalArgumentException("A redacted SMS text cannot be empty");
        }
        this.body = redacted;
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getPhone() {
        return phone;
    }

    public String getTemplate() {
        return template;
    }

    public String getLanguage() {
        return language;
    }

    public String getBody() {
        return body;
    }

    public SmsStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getProviderReference() {
        return providerReference;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }
}
