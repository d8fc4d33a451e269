package org.mitan.certificate;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PaperRegisterEntryRepository extends JpaRepository<PaperRegisterEntry, Long> {

    Optional<PaperRegisterEntry> findByCertificateTypeAndCertificateNumber(String certificateType,
            String certificateNumber);
}
