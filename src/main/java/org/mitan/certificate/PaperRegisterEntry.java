package org.mitan.certificate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A register entry entered from an older paper certificate that is not in our register: the number printed on the
 * paper, the type and body, the entry as the clerk read it from the scan, the scan itself (a document of the
 * correction request), who entered it and when. Never changed once entered; a correction supersedes it.
 */
@Entity
@Table(name = "paper_register_entry")
public class PaperRegisterEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "certificate_number", nullable = false, updatable = false)
    private String certificateNumber;

    @Column(name = "certificate_type", nullable = false, updatable = false)
    private String certificateType;

    @Column(name = "body_code", nullable = false, updatable = false)
    private String bodyCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    private Map<String, Object> particulars = new HashMap<>();

    @Column(name = "scan_document_id", nullable = false, updatable = false)
    private UUID scanDocumentId;

    @Column(name = "entered_by", nullable = false, updatable = false)
    private String enteredBy;

    @Column(name = "entered_at", nullable = false, updatable = false)
    private Instant enteredAt;

    protected PaperRegisterEntry() {
    }

    PaperRegisterEntry(String certificateNumber, String certificateType, String bodyCode,
            Map<String, Object> particulars, UUID scanDocumentId, String enteredBy, Instant enteredAt) {
        this.certificateNumber = certificateNumber;
        this.certificateType = certificateType;
        this.bodyCode = bodyCode;
        this.particulars = new HashMap<>(particulars);
        this.scanDocumentId = scanDocumentId;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
    }

    public Long getId() {
        return id;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public String getCertificateType() {
        return certificateType;
    }

    public String getBodyCode() {
        return bodyCode;
    }

    public Map<String, Object> getParticulars() {
        return particulars;
    }

    public UUID getScanDocumentId() {
        return scanDocumentId;
    }

    public String getEnteredBy() {
        return enteredBy;
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }
}
