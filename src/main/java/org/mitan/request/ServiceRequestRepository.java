package org.mitan.request;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ServiceRequestRepository extends JpaRepository<ServiceRequest, Long>, RequestNumberLookup {

    @Query("select r from ServiceRequest r where r.feedbackCode = :feedbackCode")
    Optional<ServiceRequest> findByFeedbackCode(String feedbackCode);

    @Query("select r from ServiceRequest r where r.statusCode = :statusCode")
    Optional<ServiceRequest> findByStatusCode(String statusCode);

    /**
     * The citizen's open request of that type, if any: there is at most one, by the partial unique index
     * {@code service_request_open_per_phone_and_type} (V1). Read as a list: usually there is none, and a query for
     * one entity that finds none makes Hibernate build an exception, its stack trace included, that Spring Data then
     * turns into an empty {@code Optional} (issue 11).
     */
    default Optional<ServiceRequest> findOpen(String citizenPhone, String certificateType) {
        return openOfPhoneAndType(citizenPhone, certificateType).stream().findFirst();
    }

    /**
     * The citizen's open requests of that type: the index's condition, whose final statuses are repeated here
     * ({@link RequestStatus#FINAL}). Named in the query rather than passed as a list, so that Hibernate keeps the
     * query's plan: with a list parameter it translated the query again at every registration (issue 11).
     */
    @Query("""
            select r from ServiceRequest r
            where r.citizenPhone = :citizenPhone and r.certificateType = :certificateType
              and r.status not in (org.mitan.request.RequestStatus.DELIVERED, org.mitan.request.RequestStatus.REJECTED,
                                   org.mitan.request.RequestStatus.CLOSED)""")
    List<ServiceRequest> openOfPhoneAndType(String citizenPhone, String certificateType);

    /**
     * The numbers of the open requests other than {@code requestId} that correct the certificate: at most one, by the
     * partial unique index {@code service_request_one_open_correction_of_certificate} (V22), whose final statuses are
     * repeated here.
     */
    @Query("""
            select r.requestNumber from ServiceRequest r
            where r.correctsCertificateId = :certificateId and r.id <> :requestId
              and r.status not in (org.mitan.request.RequestStatus.DELIVERED, org.mitan.request.RequestStatus.REJECTED,
                                   org.mitan.request.RequestStatus.CLOSED)""")
    List<String> otherOpenCorrectionsOfCertificate(Long certificateId, Long requestId);

    /** As {@link #otherOpenCorrectionsOfCertificate}, for a register entry entered from paper (V22's second index). */
    @Query("""
            select r.requestNumber from ServiceRequest r
            where r.correctsPaperEntryId = :paperEntryId and r.id <> :requestId
              and r.status not in (org.mitan.request.RequestStatus.DELIVERED, org.mitan.request.RequestStatus.REJECTED,
                                   org.mitan.request.RequestStatus.CLOSED)""")
    List<String> otherOpenCorrectionsOfPaperEntry(Long paperEntryId, Long requestId);

    /** Reads and locks the row: for steps that must not run twice at once for one request. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ServiceRequest r where r.requestNumber = :requestNumber")
    Optional<ServiceRequest> lockByRequestNumber(String requestNumber);
}
