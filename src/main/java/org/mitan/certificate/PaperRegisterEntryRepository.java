package org.mitan.certificate;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaperRegisterEntryRepository extends JpaRepository<PaperRegisterEntry, Long> {

    @Query("select e from PaperRegisterEntry e"
            + " where e.certificateType = :certificateType and e.certificateNumber = :certificateNumber")
    Optional<PaperRegisterEntry> findByCertificateTypeAndCertificateNumber(String certificateType,
            String certificateNumber);
}
