package org.mitan.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mitan.municipality.BodyKind;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.singlewindow.IssuingBodies;
import org.mitan.singlewindow.ServiceCatalogue;
import org.springframework.test.util.ReflectionTestUtils;

class CertificateVerificationTest {

    private static final String CODE = "ABCDEFGHJKMNPQRSTUV2";

    private final CertificateRepository certificates = mock(CertificateRepository.class);
    private final ServiceCatalogue catalogue = mock(ServiceCatalogue.class);
    private final UrbanBodyRepository bodies = mock(UrbanBodyRepository.class);
    private final CertificateVerification verification = new CertificateVerification(certificates, catalogue,
            new IssuingBodies(bodies));

    @Test
    void knownCodeTellsTypeNumberIndianDateAndInitialsOnly() {
        // 20:00 UTC on 28 February is already 1 March in India
        when(certificates.findByVerificationCode(CODE)).thenReturn(Optional.of(new Certificate(
                "RPR/BIRTH/2026/000001", 42L, "RPR", "birth-certificate", "Asha Kumari Sahu",
                Instant.parse("2026-02-28T20:00:00Z"), "certificates/a.pdf", "a", CODE)));
        when(catalogue.describe("birth-certificate"))
                .thenReturn(new ServiceCatalogue.ServiceDescription("Birth certificate", null, "childName"));
        when(bodies.findById("RPR")).thenReturn(Optional.of(
                new UrbanBody("RPR", "Raipur", "रायपुर", "Raipur", BodyKind.MUNICIPAL_CORPORATION, 70)));

        assertThat(verification.verify(CODE.toLowerCase())).contains(new CertificateVerification.VerifiedCertificate(
                true, "birth-certificate", "Birth certificate", "RPR/BIRTH/2026/000001", LocalDate.of(2026, 3, 1),
                "A*** K***** S***", "Raipur Municipal Corporation", "नगर पालिक निगम रायपुर", "valid", null));
    }

    @Test
    void aCertificateACorrectionSupersededIsNoLongerValidAndNamesItsSuccessor() {
        Certificate old = new Certificate("RPR/BIRTH/2026/000001", 42L, "RPR", "birth-certificate", "Asha Sahu",
                Instant.parse("2026-02-28T08:00:00Z"), "certificates/a.pdf", "a", CODE);
        ReflectionTestUtils.setField(old, "id", 7L);
        Certificate corrected = new Certificate("RPR/BIRTH/2026/000009", 43L, "RPR", "birth-certificate",
                "Asha Sahu", Instant.parse("2026-03-10T08:00:00Z"), "certificates/b.pdf", "b", "OTHERCODE")
                .correcting(old);
        when(certificates.findByVerificationCode(CODE)).thenReturn(Optional.of(old));
        when(certificates.findBySupersedesId(7L)).thenReturn(Optional.of(corrected));
        when(catalogue.describe("birth-certificate"))
                .thenReturn(new ServiceCatalogue.ServiceDescription("Birth certificate", null, "childName"));
        when(bodies.findById("RPR")).thenReturn(Optional.of(
                new UrbanBody("RPR", "Raipur", "रायपुर", "Raipur", BodyKind.MUNICIPAL_CORPORATION, 70)));

        CertificateVerification.VerifiedCertificate answer = verification.verify(CODE).orElseThrow();
        assertThat(answer.valid()).isFalse();
        assertThat(answer.status()).isEqualTo("superseded");
        assertThat(answer.supersededBy()).isEqualTo("RPR/BIRTH/2026/000009");
        assertThat(corrected.getEntryVersion()).isEqualTo(2);
    }

    @Test
    void unknownCodeIsNotValid() {
        when(certificates.findByVerificationCode(CODE)).thenReturn(Optional.empty());

        assertThat(verification.verify(CODE)).isEmpty();
    }

    @Test
    void somethingThatCannotBeACodeIsNotLookedUp() {
        assertThat(verification.verify("' or 1=1 --")).isEmpty();
        verify(certificates, never()).findByVerificationCode(anyString());
    }

    @Test
    void maskKeepsTheFirstLetterOfEachWord() {
        assertThat(CertificateVerification.mask("Asha Sahu")).isEqualTo("A*** S***");
        assertThat(CertificateVerification.mask("  K.  Ramesh ")).isEqualTo("K* R*****");
        assertThat(CertificateVerification.mask("Ravi")).isEqualTo("R***");
        assertThat(CertificateVerification.mask("आशा साहू")).isEqualTo("आ* सा*");
        // a Devanagari syllable is one character to the reader: never a consonant without its vowel sign
        assertThat(CertificateVerification.mask("रीना प्रिया")).isEqualTo("री* प्रि*");
        assertThat(CertificateVerification.mask("लक्ष्मी यादव")).isEqualTo("ल* या**");
        assertThat(CertificateVerification.mask("श्री राम")).isEqualTo("श्री रा*");
        assertThat(CertificateVerification.mask("")).isEmpty();
    }
}
