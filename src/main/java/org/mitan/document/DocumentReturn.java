package org.mitan.document;

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
 * A clerk's return of some of a request's documents for a revisit: the document types the Mitan must take again,
 * who returned them and when. Kept, never changed: a later return is a row of its own.
 */
@Entity
@Table(name = "document_return")
public class DocumentReturn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    /** The returned document types, comma-separated. */
    @Column(name = "document_types", nullable = false, updatable = false)
    private String documentTypes;

    @Column(name = "returned_by", nullable = false, updatable = false)
    private String returnedBy;

    @Column(name = "returned_at", nullable = false, updatable = false)
    private Instant returnedAt;

    protected DocumentReturn() {
    }

    public DocumentReturn(Long requestId, List<String> documentTypes, String returnedBy, Instant returnedAt) {
        if (documentTypes.isEmpty()) {
            throw new IllegalArgumentException("A return names at least one document type");
        }
        this.requestId = requestId;
        this.documentTypes = String.join(",", documentTypes);
        this.returnedBy = returnedBy;
        this.returnedAt = returnedAt;
    }

    public Long getRequestId() {
        return requestId;
    }

    /** The returned document types, in the order the clerk's form listed them. */
    public List<String> getDocumentTypes() {
        return Arrays.stream(documentTypes.split(",")).map(String::strip).filter(type -> !type.isEmpty()).toList();
    }

    public String getReturnedBy() {
        return returnedBy;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }
}
