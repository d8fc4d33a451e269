package org.mitan.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A photo of the certificate being handed over, as proof; the bytes are in the object store. */
@Entity
@Table(name = "delivery_photo")
public class DeliveryPhoto {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

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

    @Column(name = "idempotency_key", nullable = false, updatable = false, length = 64)
    private String idempotencyKey;

    protected DeliveryPhoto() {
    }

    DeliveryPhoto(Long requestId, String objectKey, String sha256, long sizeBytes, String contentType,
            String uploadedBy, Instant uploadedAt, String idempotencyKey) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.objectKey = objectKey;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.contentType = contentType;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.idempotencyKey = idempotencyKey;
    }

    public UUID getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
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

    public String getIdempotencyKey() {
        return idempotencyKey;
    }
}
