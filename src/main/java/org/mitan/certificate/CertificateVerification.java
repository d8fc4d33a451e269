package org.mitan.certificate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mitan.numbering.StateCalendar;
import org.mitan.singlewindow.ServiceCatalogue;
import org.mitan.text.Graphemes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public check behind the certificate's QR code: whether the code belongs to a certificate, and just enough
 * to compare with the paper (type, number, date, the holder's initials). Nothing else about the request.
 */
@Service
class CertificateVerification {

    private final CertificateRepository certificates;
    private final ServiceCatalogue catalogue;

    CertificateVerification(CertificateRepository certificates, ServiceCatalogue catalogue) {
        this.certificates = certificates;
        this.catalogue = catalogue;
    }

    /** The answer of the public verification page. */
    record VerifiedCertificate(boolean valid, String certificateType, String serviceName, String certificateNumber,
            LocalDate issuedOn, String holder) {
    }

    @Transactional(readOnly = true)
    Optional<VerifiedCertificate> verify(String code) {
        String normalised = VerificationCodes.normalise(code);
        if (normalised == null) {
            return Optional.empty();
        }
        return certificates.findByVerificationCode(normalised).map(certificate -> new VerifiedCertificate(true,
                certificate.getCertificateType(), catalogue.describe(certificate.getCertificateType()).serviceName(),
                certificate.getCertificateNumber(), StateCalendar.dateOf(certificate.getIssuedAt()),
                mask(certificate.getHolderName())));
    }

    /**
     * "Asha Verma" becomes "A*** V****": the first character of each word as people see it, one asterisk for
     * each further one. In Devanagari the first character is a whole syllable: "रीना प्रिया" becomes "री* प्रि*",
     * never a consonant without its vowel sign.
     */
    static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return Arrays.stream(name.strip().split("\\s+"))
                .map(word -> {
                    List<String> characters = Graphemes.of(word);
                    return characters.get(0) + "*".repeat(characters.size() - 1);
                })
                .collect(Collectors.joining(" "));
    }
}
