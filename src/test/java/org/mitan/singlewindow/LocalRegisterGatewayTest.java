package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.municipality.BodyKind;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.numbering.ReservedNumbers;
import org.mockito.ArgumentCaptor;

class LocalRegisterGatewayTest {

    private final ReservedNumbers numbers = mock(ReservedNumbers.class);
    private final UrbanBodyRepository bodies = mock(UrbanBodyRepository.class);
    private final IssuedCertificates certificates = mock(IssuedCertificates.class);
    private final ServiceCatalogue catalogue = mock(ServiceCatalogue.class);
    private final CertificatePdf pdf = mock(CertificatePdf.class);
    private final CertificateSigner signer = mock(CertificateSigner.class);
    private final ParticularsFormLabels labels = mock(ParticularsFormLabels.class);
    private final LocalRegisterGateway gateway = new LocalRegisterGateway(numbers, new IssuingBodies(bodies), certificates,
            catalogue,
            pdf, labels, signer);

    @BeforeEach
    void catalogueAndBodies() {
        when(catalogue.describe("birth-certificate")).thenReturn(
                new ServiceCatalogue.ServiceDescription("Birth certificate", "Registrar of Births and Deaths",
                        "childName", "जन्म प्रमाण पत्र", "जन्म एवं मृत्यु रजिस्ट्रार"));
        when(labels.of("birth-certificate")).thenReturn(CertificateLabels.NONE);
        when(bodies.findById("RPR")).thenReturn(Optional.of(
                new UrbanBody("RPR", "Raipur", "रायपुर", "Raipur", BodyKind.MUNICIPAL_CORPORATION, 70)));
        when(certificates.of(anyString())).thenReturn(Optional.empty());
        when(pdf.render(any())).thenReturn("%PDF-1.4 rendered".getBytes());
        when(signer.sign(any(), anyString(), anyString(), anyString(), any())).thenAnswer(call ->
                (new String(call.<byte[]>getArgument(0)) + " signed for " + call.getArgument(1) + " by "
                        + call.getArgument(2) + ", " + call.getArgument(3)).getBytes());
    }

    @Test
    void submissionReferenceIsDerivedFromTheRequestNumberSoARetryGetsTheSameOne() {
        ApplicationFiling filing = new ApplicationFiling("RPR-2026-000042", "birth-certificate", "RPR", 3, "Ramesh",
                "9876543210", "House 4", Map.of(), List.of());

        assertThat(gateway.submit(filing).reference()).isEqualTo("LR-RPR-2026-000042");
        assertThat(gateway.submit(filing).reference()).isEqualTo("LR-RPR-2026-000042");
        assertThat(gateway.name()).isEqualTo("local");
    }

    @Test
    void certificateNumberComesFromTheSeriesOfBodyTypeAndYearInIndia() {
        when(numbers.reserve("certificate:RPR:birth-certificate:2026", "RPR-2026-000042")).thenReturn(7L);
        // 31 Dec 2025 20:00 UTC is already 1 Jan 2026 in India
        IssuedCertificate issued = gateway.issue(order(Instant.parse("2025-12-31T20:00:00Z")));

        assertThat(issued.certificateNumber()).isEqualTo("RPR/BIRTH/2026/000007");
        assertThat(new String(issued.pdf())).isEqualTo("%PDF-1.4 rendered signed for RPR by Raipur Municipal "
                + "Corporation, RPR/BIRTH/2026/000007");
    }

    @Test
    void pdfIsRenderedWithTheBodyServiceNumberAndVerificationUrl() {
        when(numbers.reserve(anyString(), anyString())).thenReturn(1L);

        gateway.issue(order(Instant.parse("2026-03-01T10:00:00Z")));

        ArgumentCaptor<CertificatePdf.Content> content = ArgumentCaptor.forClass(CertificatePdf.Content.class);
        verify(pdf).render(content.capture());
        assertThat(content.getValue().bodyName()).isEqualTo("Raipur Municipal Corporation");
        assertThat(content.getValue().bodyNameHi()).isEqualTo("नगर पालिक निगम रायपुर");
        assertThat(content.getValue().serviceNameHi()).isEqualTo("जन्म प्रमाण पत्र");
        assertThat(content.getValue().departmentHi()).isEqualTo("जन्म एवं मृत्यु रजिस्ट्रार");
        assertThat(content.getValue().holderParticular()).isEqualTo("childName");
        assertThat(content.getValue().labels()).isSameAs(CertificateLabels.NONE);
        assertThat(content.getValue().serviceName()).isEqualTo("Birth certificate");
        assertThat(content.getValue().department()).isEqualTo("Registrar of Births and Deaths");
        assertThat(content.getValue().certificateNumber()).isEqualTo("RPR/BIRTH/2026/000001");
        assertThat(content.getValue().holderName()).isEqualTo("Asha Sahu");
        assertThat(content.getValue().approvedBy()).isEqualTo("Meena Rao (registrar1)");
        assertThat(content.getValue().verificationUrl()).isEqualTo("https://mitan.example/verify/CODE");
        assertThat(content.getValue().issuedOn()).hasToString("2026-03-01");
    }

    @Test
    void aRequestThatAlreadyHasACertificateGetsItBackWithoutANewNumber() {
        when(certificates.of("RPR-2026-000042"))
                .thenReturn(Optional.of(new IssuedCertificate("RPR/BIRTH/2026/000003", "%PDF-stored".getBytes())));

        IssuedCertificate issued = gateway.issue(order(Instant.now()));

        assertThat(issued.certificateNumber()).isEqualTo("RPR/BIRTH/2026/000003");
        assertThat(issued.pdf()).isEqualTo("%PDF-stored".getBytes());
        verify(numbers, never()).reserve(anyString(), anyString());
        verify(pdf, never()).render(any());
        verify(signer, never()).sign(any(), anyString(), anyString(), anyString(), any());
    }

    @Test
    void typeCodeIsTheProcessKeyInCapitalsWithoutTheCertificateSuffix() {
        assertThat(LocalRegisterGateway.typeCode("birth-certificate")).isEqualTo("BIRTH");
        assertThat(LocalRegisterGateway.typeCode("caste-certificate")).isEqualTo("CASTE");
        assertThat(LocalRegisterGateway.typeCode("gumasta-licence")).isEqualTo("GUMASTA-LICENCE");
    }

    private static CertificateOrder order(Instant issuedAt) {
        return new CertificateOrder("RPR-2026-000042", "LR-RPR-2026-000042", "birth-certificate", "RPR", "Asha Sahu",
                "House 4", Map.of("sex", "female"), "Meena Rao (registrar1)", "CODE",
                "https://mitan.example/verify/CODE", issuedAt);
    }
}
