package org.mitan.certificate;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.LockModeType;

import org.mitan.document.ObjectReferences;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CertificateRepository extends JpaRepository<Certificate, Long>, ObjectReferences {

    /**
     * The request's certificate, if issued (at most one: V1's unique constraint). Read as a list, since most requests
     * asked about have none yet: a query for one entity that finds none makes Hibernate build an exception, its stack
     * trace included, that Spring Data then turns into an empty {@code Optional} (issue 11).
     */
    default Optional<Certificate> findByRequestId(Long requestId) {
        return ofRequest(requestId).stream().findFirst();
    }

    @Query("select c from Certificate c where c.requestId = :requestId")
    List<Certificate> ofRequest(Long requestId);

    @Query("select c from Certificate c where c.certificateNumber = :certificateNumber")
    Optional<Certificate> findByCertificateNumber(String certificateNumber);

    @Query("select c from Certificate c where c.verificationCode = :verificationCode")
    Optional<Certificate> findByVerificationCode(String verificationCode);

    /**
     * Reads and locks the certificate's row until the transaction ends, so that correction requests name it one at a
     * time ({@code Corrections#link}).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Certificate c where c.id = :id")
    Optional<Certificate> lockById(Long id);

    /** The certificate that superseded this one (the entry's next version), if any. */
    @Query("select c from Certificate c where c.supersedesId = :supersedesId")
    Optional<Certificate> findBySupersedesId(Long supersedesId);

    /** The certificate that superseded a register entry entered from paper, if any. */
    @Query("select c from Certificate c where c.supersedesPaperEntryId = :supersedesPaperEntryId")
    Optional<Certificate> findBySupersedesPaperEntryId(Long supersedesPaperEntryId);

    @Query("select c.objectKey from Certificate c where c.objectKey in :keys")
    List<String> findObjectKeysIn(Collection<String> keys);

    @Override
    default Set<String> referencedAmong(Collection<String> keys) {
        return Set.copyOf(findObjectKeysIn(keys));
    }
}
