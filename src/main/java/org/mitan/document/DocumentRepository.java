package org.mitan.document;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DocumentRepository extends JpaRepository<Document, UUID> {

    List<Document> findByRequestIdOrderByUploadedAtAsc(Long requestId);

    Optional<Document> findByRequestIdAndDocumentTypeAndSha256(Long requestId, String documentType, String sha256);

    Optional<Document> findByRequestIdAndIdempotencyKey(Long requestId, String idempotencyKey);
}
