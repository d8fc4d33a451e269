package org.mitan.certificate;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An issued certificate: its PDF lives in the object store; anyone can check it by its verification code. */
@Entity
@Table(name = "certificate")
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "certificate_number", nullable = false, unique = true, updatable = false)
    private String certificateNumber;

    @Column(name = "request_id", nullable = false, unique = true, updatable = false)
    private Long requestId;

    @Column(name = "body_code", nullable = false, updatable = false)
    private String bodyCode;

    @Column(name = "certificate_type", nullable = false, updatable = false)
    private String certificateType;

    @Column(name = "holder_name", nullable = false, updatable = false)
    private String holderName;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "verification_code", nullable = false, unique = true, updatable = false)
    private String verificationCode;

    /** The version of the register entry this certificate prints: 1, then one more for each correction. */
    @Column(name = "entry_version", nullable = false, updatable = false)
    private int entryVersion = 1;

    /** The certificate this one supersedes (the entry's previous version); empty for a first registration. */
    @Column(name = "supersedes_id", unique = true, updatable = false)
    private Long supersedesId;

    /** The register entry entered from an older paper certificate that this one supersedes, if so. */
    @Column(name = "supersedes_paper_entry_id", unique = true, updatable = false)
    private Long supersedesPaperEntryId;

    protected Certificate() {
    }

    public Certificate(String certificateNumber, Long requestId, String bodyCode, String certificateType,
            String holderName, Instant issuedAt, String objectKey, String sha256, String verificationCode) {
        this.certificateNumber = certificateNumber;
        this.requestId = requestId;
        this.bodyCode = bodyCode;
        this.certificateType = certificateType;
        this.holderName = holderName;
        this.issuedAt = issuedAt;
        this.objectKey = objectKey;
        this.sha256 = sha256;
        this.verificationCode = verificationCode;
    }

    /** The next version of an entry entered from paper (the paper certificate printed the first). */
    Certificate correctingPaper(PaperRegisterEntry supersedes) {
        this.supersedesPaperEntryId = supersedes.getId();
        this.entryVersion = 2;
        return this;
    }

    /** The next version of a register entry: a corrected certificate that supersedes {@code supersedes}. */
    Certificate correcting(Certificate supersedes) {
        this.supersedesId = supersedes.getId();
        this.entryVersion = supersedes.getEntryVersion() + 1;
        return this;
    }

    public Long getId() {
        return id;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getBodyCode() {
        return bodyCode;
    }

    public String getCertificateType() {
        return certificateType;
    }

    public String getHolderName() {
        return holderName;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public String getSha256() {
        return sha256;
    }

    public String getVerificationCode() {
        return verificationCode;
    }

    public int getEntryVersion() {
        return entryVersion;
    }

    public Long getSupersedesId() {
        return supersedesId;
    }

    public Long getSupersedesPaperEntryId() {
        return supersedesPaperEntryId;
    }
}
