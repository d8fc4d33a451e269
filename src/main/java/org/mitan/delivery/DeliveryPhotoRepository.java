package org.mitan.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeliveryPhotoRepository extends JpaRepository<DeliveryPhoto, UUID> {

    Optional<DeliveryPhoto> findByRequestIdAndIdempotencyKey(Long requestId, String idempotencyKey);

    List<DeliveryPhoto> findByRequestIdOrderByUploadedAtAsc(Long requestId);
}
