package org.mitan.request;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One dated step in a request's life, shown to the call centre and kept for audit after the request closes. */
@Entity
@Table(name = "request_milestone")
public class RequestMilestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Column(nullable = false, updatable = false)
    private String milestone;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(updatable = false)
    private String actor;

    @Column(updatable = false)
    private String detail;

    protected RequestMilestone() {
    }

    public RequestMilestone(Long requestId, String milestone, Instant occurredAt, String actor, String detail) {
        this.requestId = requestId;
        this.milestone = milestone;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getMilestone() {
        return milestone;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getDetail() {
        return detail;
    }
}
