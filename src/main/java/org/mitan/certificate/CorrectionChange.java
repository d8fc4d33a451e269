package org.mitan.certificate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change a correction request asks of a register entry: the entry (a particular), the value the register holds
 * (taken from the register, never typed), the value asked for and why, and what the type's {@code <key>-rules}
 * decision made of it: {@code clerical} (the registrar corrects) or {@code substance} (an affidavit and the higher
 * authority's approval), with the rule in words and the documents it requires.
 */
@Entity
@Table(name = "correction_change")
public class CorrectionChange {

    /** A spelling or a transposed date: the registrar corrects it. */
    public static final String CLERICAL = "clerical";
    /** A different parent, a changed date of the event, sex: affidavit and the higher authority's approval. */
    public static final String SUBSTANCE = "substance";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(nullable = false, updatable = false)
    private String field;

    @Column(name = "old_value", updatable = false)
    private String oldValue;

    @Column(name = "new_value", nullable = false, updatable = false)
    private String newValue;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String rule;

    @Column(name = "rule_hi", nullable = false, updatable = false)
    private String ruleHi;

    @Column(nullable = false, updatable = false)
    private String documents;

    @Column(name = "asked_by", nullable = false, updatable = false)
    private String askedBy;

    @Column(name = "asked_at", nullable = false, updatable = false)
    private Instant askedAt;

    protected CorrectionChange() {
    }

    CorrectionChange(Long requestId, int position, String field, String oldValue, String newValue, String reason,
            CorrectionRules.Verdict verdict, String askedBy, Instant askedAt) {
        this.requestId = requestId;
        this.position = position;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.reason = reason;
        this.kind = verdict.kind();
        this.rule = verdict.rule();
        this.ruleHi = verdict.ruleHi();
        this.documents = String.join(",", verdict.documents());
        this.askedBy = askedBy;
        this.askedAt = askedAt;
    }

    public Long getRequestId() {
        return requestId;
    }

    public int getPosition() {
        return position;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public String getReason() {
        return reason;
    }

    public String getKind() {
        return kind;
    }

    public String getRule() {
        return rule;
    }

    public String getRuleHi() {
        return ruleHi;
    }

    /** The document types the rule requires, in its order. */
    public List<String> getDocuments() {
        return documents.isBlank() ? List.of()
                : Arrays.stream(documents.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getAskedBy() {
        return askedBy;
    }

    public Instant getAskedAt() {
        return askedAt;
    }
}
