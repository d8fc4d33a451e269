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

    /**
     * The same scan uploaded before for this document, if any (at most one, by V1's unique constraint). Read as a
     * list: usually there is none, and a query for one entity that finds none makes Hibernate build an exception,
     * its stack trace included, that Spring Data then turns into an empty {@code Optional} (issue 11).
     */
    default Optional<Document> findByRequestIdAndDocumentTypeAndSha256(Long requestId, String documentType,
            String sha256) {
        return sameScans(requestId, documentType, sha256).stream().findFirst();
    }

    /** The upload made with this key before, if any (V10's unique index); read as a list, as above. */
    default Optional<Document> findByRequestIdAndIdempotencyKey(Long requestId, String idempotencyKey) {
        return uploadsWithKey(requestId, idempotencyKey).stream().findFirst();
    }

    @Query("select d from Document d"
            + " where d.requestId = :requestId and d.documentType = :documentType and d.sha256 = :sha256")
    List<Document> sameScans(Long requestId, String documentType, String sha256);

    @Query("select d from Document d where d.requestId = :requestId and d.idempotencyKey = :idempotencyKey")
    List<Document> uploadsWithKey(Long requestId, String idempotencyKey);

    @Query("select d.objectKey from Document d where d.objectKey in :keys")
    List<String> findObjectKeysIn(Collection<String> keys);

    @Override
    default Set<String> referencedAmong(Collection<String> keys) {
        return Set.copyOf(findObjectKeysIn(keys));
    }
}
