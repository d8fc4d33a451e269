package org.mitan.certificate;

import java.time.LocalDate;
import java.util.Optional;

import org.mitan.numbering.StateCalendar;
import org.mitan.singlewindow.IssuingBodies;
import org.mitan.singlewindow.ServiceCatalogue;
import org.mitan.text.MaskedNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public check behind the certificate's QR code: whether the code belongs to a certificate, and just enough
 * to compare with the paper (type, number, date, the holder's initials, the issuing body). Nothing else about the
 * request.
 */
@Service
class CertificateVerification {

    private final CertificateRepository certificates;
    private final ServiceCatalogue catalogue;
    private final IssuingBodies bodies;

    CertificateVerification(CertificateRepository certificates, ServiceCatalogue catalogue, IssuingBodies bodies) {
        this.certificates = certificates;
        this.catalogue = catalogue;
        this.bodies = bodies;
    }

    /**
     * The answer of the public verification page.
     *
     * @param issuedBy   the urban body that issued it, in English
     * @param issuedByHi the same in Hindi, or null
     * @param status     {@code valid}, or {@code superseded} once a correction of the register replaced it
     * @param supersededBy the number of the certificate that replaced it (the entry's next version), or null
     */
    record VerifiedCertificate(boolean valid, String certificateType, String serviceName, String certificateNumber,
            LocalDate issuedOn, String holder, String issuedBy, String issuedByHi, String status,
            String supersededBy) {
    }

    static final String VALID = "valid";
    static final String SUPERSEDED = "superseded";

    @Transactional(readOnly = true)
    Optional<VerifiedCertificate> verify(String code) {
        String normalised = VerificationCodes.normalise(code);
        if (normalised == null) {
            return Optional.empty();
        }
        return certificates.findByVerificationCode(normalised).map(certificate -> {
            IssuingBodies.IssuingBody body = bodies.of(certificate.getBodyCode());
            String supersededBy = certificates.findBySupersedesId(certificate.getId())
                    .map(Certificate::getCertificateNumber).orElse(null);
            return new VerifiedCertificate(supersededBy == null, certificate.getCertificateType(),
                    catalogue.describe(certificate.getCertificateType()).serviceName(),
                    certificate.getCertificateNumber(), StateCalendar.dateOf(certificate.getIssuedAt()),
                    mask(certificate.getHolderName()), body.en(), body.hi(),
                    supersededBy == null ? VALID : SUPERSEDED, supersededBy);
        });
    }

    /** As {@link MaskedNames#of}: "Asha Verma" becomes "A*** V****". */
    static String mask(String name) {
        return MaskedNames.of(name);
    }
}
