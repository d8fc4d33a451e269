package org.mitan.document;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A scanned document uploaded by the Mitan; the bytes live in the object store under {@link #objectKey}. */
@Entity
@Table(name = "document")
public class Document {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Column(name = "document_type", nullable = false, updatable = false)
    private String documentType;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    /** The key the uploading client sent with it ({@code Idempotency-Key}), if any. */
    @Column(name = "idempotency_key", updatable = false, length = 64)
    private String idempotencyKey;

    protected Document() {
    }

    public Document(UUID id, Long requestId, String documentType, String objectKey, String sha256, long sizeBytes,
            String contentType, String uploadedBy, Instant uploadedAt) {
        this.id = id;
        this.requestId = requestId;
        this.documentType = documentType;
        this.objectKey = objectKey;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.contentType = contentType;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** The same document, remembered under the client's idempotency key (null: none was sent). */
    Document withIdempotencyKey(String key) {
        this.idempotencyKey = key;
        return this;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public UUID getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getDocumentType() {
        return documentType;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getContentType() {
        return contentType;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
