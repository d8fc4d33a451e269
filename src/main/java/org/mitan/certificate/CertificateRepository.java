package org.mitan.certificate;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CertificateRepository extends JpaRepository<Certificate, Long> {

    Optional<Certificate> findByRequestId(Long requestId);

    Optional<Certificate> findByCertificateNumber(String certificateNumber);

    Optional<Certificate> findByVerificationCode(String verificationCode);

    /** The certificate that superseded this one (the entry's next version), if any. */
    Optional<Certificate> findBySupersedesId(Long supersedesId);

    /** The certificate that superseded a register entry entered from paper, if any. */
    Optional<Certificate> findBySupersedesPaperEntryId(Long supersedesPaperEntryId);
}
