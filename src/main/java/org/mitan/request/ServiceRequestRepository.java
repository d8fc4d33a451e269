package org.mitan.request;

import java.util.Collection;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ServiceRequestRepository extends JpaRepository<ServiceRequest, Long> {

    Optional<ServiceRequest> findByRequestNumber(String requestNumber);

    Optional<ServiceRequest> findByFeedbackCode(String feedbackCode);

    Optional<ServiceRequest> findByStatusCode(String statusCode);

    Optional<ServiceRequest> findFirstByCitizenPhoneAndCertificateTypeAndStatusNotIn(String citizenPhone,
            String certificateType, Collection<RequestStatus> statuses);

    /** Reads and locks the row: for steps that must not run twice at once for one request. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ServiceRequest r where r.requestNumber = :requestNumber")
    Optional<ServiceRequest> lockByRequestNumber(String requestNumber);
}
