package org.mitan.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mitan.document.DocumentStore;
import org.mitan.intake.Fixtures;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.singlewindow.IssuedCertificate;

class StoredCertificatesTest {

    private final ServiceRequestRepository requests = mock(ServiceRequestRepository.class);
    private final CertificateRepository certificates = mock(CertificateRepository.class);
    private final DocumentStore store = mock(DocumentStore.class);
    private final StoredCertificates stored = new StoredCertificates(requests, certificates, store);

    @Test
    void aRequestsCertificateComesBackWithItsNumberAndStoredPdf() {
        when(requests.findByRequestNumber("RPR-2026-000042"))
                .thenReturn(Optional.of(Fixtures.request(42, "RPR-2026-000042")));
        when(certificates.findByRequestId(42L)).thenReturn(Optional.of(certificate()));
        when(store.open("certificates/abc.pdf"))
                .thenReturn(Optional.of(new ByteArrayInputStream("%PDF-stored".getBytes())));

        Optional<IssuedCertificate> issued = stored.of("RPR-2026-000042");

        assertThat(issued).hasValueSatisfying(certificate -> {
            assertThat(certificate.certificateNumber()).isEqualTo("RPR/BIRTH/2026/000003");
            assertThat(certificate.pdf()).isEqualTo("%PDF-stored".getBytes());
        });
    }

    @Test
    void aRequestWithoutCertificateOrAnUnknownNumberHasNone() {
        when(requests.findByRequestNumber("RPR-2026-000042"))
                .thenReturn(Optional.of(Fixtures.request(42, "RPR-2026-000042")));
        when(certificates.findByRequestId(42L)).thenReturn(Optional.empty());

        assertThat(stored.of("RPR-2026-000042")).isEmpty();
        assertThat(stored.of("RPR-2026-999999")).isEmpty();
    }

    @Test
    void aCertificateWhosePdfIsGoneIsAFaultNotANewNumber() {
        when(requests.findByRequestNumber("RPR-2026-000042"))
                .thenReturn(Optional.of(Fixtures.request(42, "RPR-2026-000042")));
        when(certificates.findByRequestId(42L)).thenReturn(Optional.of(certificate()));
        when(store.open("certificates/abc.pdf")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> stored.of("RPR-2026-000042")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Certificate RPR/BIRTH/2026/000003 has no PDF at certificates/abc.pdf");
    }

    private static Certificate certificate() {
        return new Certificate("RPR/BIRTH/2026/000003", 42L, "RPR", "birth-certificate", "Asha Sahu",
                Instant.parse("2026-05-01T04:30:00Z"), "certificates/abc.pdf", "abc", "CODE");
    }
}
