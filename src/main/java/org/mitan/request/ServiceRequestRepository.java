package org.mitan.request;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ServiceRequestRepository extends JpaRepository<ServiceRequest, Long>, RequestNumberLookup {

    @Query("select r from ServiceRequest r where r.feedbackCode = :feedbackCode")
    Optional<ServiceRequest> findByFeedbackCode(String feedbackCode);

    @Query("select r from ServiceRequest r where r.statusCode = :statusCode")
    Optional<ServiceRequest> findByStatusCode(String statusCode);

    /** The citizen's oldest request of that type in none of those statuses (an open one), if any. */
    default Optional<ServiceRequest> findFirstByCitizenPhoneAndCertificateTypeAndStatusNotIn(String citizenPhone,
            String certificateType, Collection<RequestStatus> statuses) {
        return findByCitizenPhoneAndCertificateTypeAndStatusNotIn(citizenPhone, certificateType, statuses,
                PageRequest.of(0, 1)).stream().findFirst();
    }

    @Query("""
            select r from ServiceRequest r
            where r.citizenPhone = :citizenPhone and r.certificateType = :certificateType and r.status not in :statuses
            order by r.id""")
    List<ServiceRequest> findByCitizenPhoneAndCertificateTypeAndStatusNotIn(String citizenPhone,
            String certificateType, Collection<RequestStatus> statuses, Pageable page);

    /** Reads and locks the row: for steps that must not run twice at once for one request. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ServiceRequest r where r.requestNumber = :requestNumber")
    Optional<ServiceRequest> lockByRequestNumber(String requestNumber);
}
