package org.mitan.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mitan.document.ObjectReferences;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DeliveryPhotoRepository extends JpaRepository<DeliveryPhoto, UUID>, ObjectReferences {

    /**
     * The photo uploaded with this key before, if any (V11's unique constraint). Read as a list: usually there is
     * none, and a query for one entity that finds none makes Hibernate build an exception, its stack trace
     * included, that Spring Data then turns into an empty {@code Optional} (issue 11).
     */
    default Optional<DeliveryPhoto> findByRequestIdAndIdempotencyKey(Long requestId, String idempotencyKey) {
        return photosWithKey(requestId, idempotencyKey).stream().findFirst();
    }

    @Query("select p from DeliveryPhoto p where p.requestId = :requestId and p.idempotencyKey = :idempotencyKey")
    List<DeliveryPhoto> photosWithKey(Long requestId, String idempotencyKey);

    @Query("select p from DeliveryPhoto p where p.requestId = :requestId order by p.uploadedAt")
    List<DeliveryPhoto> findByRequestIdOrderByUploadedAtAsc(Long requestId);

    @Query("select p.objectKey from DeliveryPhoto p where p.objectKey in :keys")
    List<String> findObjectKeysIn(Collection<String> keys);

    @Override
    default Set<String> referencedAmong(Collection<String> keys) {
        return Set.copyOf(findObjectKeysIn(keys));
    }
}
