package org.mitan.singlewindow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The record that a request was filed on the single-window system, with the reference it gave back. */
@Entity
@Table(name = "single_window_submission")
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, unique = true, updatable = false)
    private Long requestId;

    @Column(nullable = false, updatable = false)
    private String reference;

    /** Which gateway took it: {@code local} or {@code http}. */
    @Column(nullable = false, updatable = false)
    private String gateway;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    protected Submission() {
    }

    public Submission(Long requestId, String reference, String gateway, Instant submittedAt) {
        this.requestId = requestId;
        this.reference = reference;
        this.gateway = gateway;
        this.submittedAt = submittedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getReference() {
        return reference;
    }

    public String getGateway() {
        return gateway;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
