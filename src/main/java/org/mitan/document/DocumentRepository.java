package org.mitan.document;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DocumentRepository extends JpaRepository<Document, UUID>, ObjectReferences {

    @Query("select d from Document d where d.requestId = :requestId order by d.uploadedAt")
    List<Document> findByRequestIdOrderByUploadedAtAsc(Long requestId);

    @Query("select d from Document d"
            + " where d.requestId = :requestId and d.documentType = :documentType and d.sha256 = :sha256")
    Optional<Document> findByRequestIdAndDocumentTypeAndSha256(Long requestId, String documentType, String sha256);

    @Query("select d from Document d where d.requestId = :requestId and d.idempotencyKey = :idempotencyKey")
    Optional<Document> findByRequestIdAndIdempotencyKey(Long requestId, String idempotencyKey);

    @Query("select d.objectKey from Document d where d.objectKey in :keys")
    List<String> findObjectKeysIn(Collection<String> keys);

    @Override
    default Set<String> referencedAmong(Collection<String> keys) {
        return Set.copyOf(findObjectKeysIn(keys));
    }
}
