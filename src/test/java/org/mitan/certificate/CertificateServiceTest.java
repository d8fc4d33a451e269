package org.mitan.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.document.DocumentStore;
import org.mitan.document.Sha256;
import org.mitan.failure.Refusal;
import org.mitan.mitan.RequestAccess;
import org.mitan.payment.Payments;
import org.mitan.process.SmsTemplates;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.singlewindow.CertificateOrder;
import org.mitan.singlewindow.IssuedCertificate;
import org.mitan.singlewindow.ServiceCatalogue;
import org.mitan.singlewindow.SingleWindowGateway;
import org.mitan.singlewindow.Submission;
import org.mitan.singlewindow.SubmissionRepository;
import org.mitan.sms.SmsService;
import org.mitan.web.Caller;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.test.util.ReflectionTestUtils;

class CertificateServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final byte[] PDF = "%PDF-1.4 the certificate".getBytes();
    private static final String PDF_SHA256 = Sha256.hex(PDF);
    private static final Caller REGISTRAR = new Caller("registrar1", java.util.Set.of("registrar"));

    private final ServiceRequestRepository requestRows = mock(ServiceRequestRepository.class);
    private final Requests progress = mock(Requests.class);
    private final CertificateRepository certificates = mock(CertificateRepository.class);
    private final SubmissionRepository submissions = mock(SubmissionRepository.class);
    private final SingleWindowGateway gateway = mock(SingleWindowGateway.class);
    private final DocumentStore store = mock(DocumentStore.class);
    private final ServiceCatalogue catalogue = mock(ServiceCatalogue.class);
    private final Approvers approvers = mock(Approvers.class);
    private final Payments payments = mock(Payments.class);
    private final Corrections corrections = mock(Corrections.class);
    private final RequestAccess access = mock(RequestAccess.class);
    private final SmsService sms = mock(SmsService.class);
    private final CertificateService service = service("https://mitan.example/");
    private ServiceRequest request;

    @BeforeEach
    void anApprovedRequest() {
        request = request("RPR-2026-000042", "feedback-secret-42", 42L);
        request.setParticulars(Map.of("childName", "Asha Sahu", "dateOfBirth", "2026-01-15"));
        when(requestRows.lockByRequestNumber("RPR-2026-000042")).thenReturn(Optional.of(request));
        when(requestRows.findById(42L)).thenReturn(Optional.of(request));
        when(certificates.findByRequestId(42L)).thenReturn(Optional.empty());
        when(certificates.save(any())).thenAnswer(call -> call.getArgument(0));
        when(submissions.findByRequestId(42L))
                .thenReturn(Optional.of(new Submission(42L, "LR-RPR-2026-000042", "local", NOW.minusSeconds(3600))));
        when(catalogue.holderParticular("birth-certificate")).thenReturn(Optional.of("childName"));
        when(approvers.approverOf("process-1")).thenReturn("Meena Rao (registrar1)");
        when(gateway.issue(any())).thenReturn(new IssuedCertificate("RPR/BIRTH/2026/000001", PDF));
    }

    @Test
    void issuesTheCertificateStoringThePdfBeforeTheRow() {
        Certificate certificate = service.issue("RPR-2026-000042", "process-1");

        ArgumentCaptor<CertificateOrder> order = ArgumentCaptor.forClass(CertificateOrder.class);
        verify(gateway).issue(order.capture());
        assertThat(order.getValue().submissionReference()).isEqualTo("LR-RPR-2026-000042");
        assertThat(order.getValue().holderName()).isEqualTo("Asha Sahu");
        assertThat(order.getValue().approvedBy()).isEqualTo("Meena Rao (registrar1)");
        assertThat(order.getValue().particulars()).containsEntry("dateOfBirth", "2026-01-15");
        assertThat(order.getValue().issuedAt()).isEqualTo(NOW);
        assertThat(order.getValue().verificationCode()).hasSize(20);
        assertThat(order.getValue().verificationUrl())
                .isEqualTo("https://mitan.example/verify/" + order.getValue().verificationCode());

        String key = "certificates/" + PDF_SHA256 + ".pdf";
        InOrder sequence = inOrder(store, certificates);
        sequence.verify(store).put(key, PDF, "application/pdf");
        sequence.verify(certificates).save(any());
        assertThat(certificate.getCertificateNumber()).isEqualTo("RPR/BIRTH/2026/000001");
        assertThat(certificate.getRequestId()).isEqualTo(42L);
        assertThat(certificate.getObjectKey()).isEqualTo(key);
        assertThat(certificate.getSha256()).isEqualTo(PDF_SHA256).hasSize(64);
        assertThat(certificate.getVerificationCode()).isEqualTo(order.getValue().verificationCode());
        assertThat(certificate.getHolderName()).isEqualTo("Asha Sahu");
        assertThat(certificate.getIssuedAt()).isEqualTo(NOW);
        verify(progress).advance(eq(request), eq(RequestStatus.CERTIFICATE_ISSUED), anyString(), anyString());
        verify(sms).toCitizen(request, SmsTemplates.CERTIFICATE_ISSUED, Map.of(
                "certificateNumber", "RPR/BIRTH/2026/000001", "verifyUrl", order.getValue().verificationUrl()));
    }

    @Test
    void aRequestWithACertificateKeepsItWithoutANewNumberOrPdf() {
        Certificate earlier = new Certificate("RPR/BIRTH/2026/000001", 42L, "RPR", "birth-certificate", "Asha Sahu",
                NOW, "certificates/abc.pdf", "abc", "CODE");
        when(certificates.findByRequestId(42L)).thenReturn(Optional.of(earlier));

        assertThat(service.issue("RPR-2026-000042", "process-1")).isSameAs(earlier);
        verify(gateway, never()).issue(any());
        verify(store, never()).put(anyString(), any(), anyString());
        verify(certificates, never()).save(any());
        verify(progress, never()).advance(any(), any(), anyString(), anyString());
        verify(sms, never()).toCitizen(any(), anyString(), anyMap());
    }

    @Test
    void aRetryAfterARollbackPrintsTheSameVerificationCode() {
        doThrow(new IllegalStateException("object store down")).doNothing()
                .when(store).put(anyString(), any(), anyString());

        assertThatThrownBy(() -> service.issue("RPR-2026-000042", "process-1"))
                .hasMessageContaining("object store down");
        service.issue("RPR-2026-000042", "process-1");

        ArgumentCaptor<CertificateOrder> orders = ArgumentCaptor.forClass(CertificateOrder.class);
        verify(gateway, times(2)).issue(orders.capture());
        List<CertificateOrder> both = orders.getAllValues();
        assertThat(both.get(1).verificationCode()).isEqualTo(both.get(0).verificationCode());
    }

    @Test
    void anotherRequestGetsAnotherVerificationCode() {
        ServiceRequest other = request("RPR-2026-000043", "feedback-secret-43", 43L);
        other.setParticulars(Map.of("childName", "Ravi Sahu"));
        when(requestRows.lockByRequestNumber("RPR-2026-000043")).thenReturn(Optional.of(other));
        when(certificates.findByRequestId(43L)).thenReturn(Optional.empty());
        when(submissions.findByRequestId(43L))
                .thenReturn(Optional.of(new Submission(43L, "LR-RPR-2026-000043", "local", NOW)));

        service.issue("RPR-2026-000042", "process-1");
        service.issue("RPR-2026-000043", "process-2");

        ArgumentCaptor<CertificateOrder> orders = ArgumentCaptor.forClass(CertificateOrder.class);
        verify(gateway, times(2)).issue(orders.capture());
        assertThat(orders.getAllValues().get(0).verificationCode())
                .isNotEqualTo(orders.getAllValues().get(1).verificationCode());
    }

    @Test
    void withoutAHolderParticularTheHolderIsTheCitizen() {
        when(catalogue.holderParticular("birth-certificate")).thenReturn(Optional.empty());

        assertThat(service.issue("RPR-2026-000042", "process-1").getHolderName()).isEqualTo("Ramesh Sahu");
    }

    @Test
    void aServiceLevelTableThatCannotBeReadStopsIssuingInsteadOfNamingTheCitizen() {
        when(catalogue.holderParticular("birth-certificate"))
                .thenThrow(new IllegalStateException("Decision 'service-level' has no input on certificateType"));

        assertThatThrownBy(() -> service.issue("RPR-2026-000042", "process-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("service-level");
        verify(gateway, never()).issue(any());
    }

    @Test
    void aMissingHolderParticularStopsIssuingBeforeAnythingIsMade() {
        request.setParticulars(Map.of("dateOfBirth", "2026-01-15"));

        assertThatThrownBy(() -> service.issue("RPR-2026-000042", "process-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("childName");
        verify(gateway, never()).issue(any());
    }

    @Test
    void aRequestNeverFiledCannotBeIssued() {
        when(submissions.findByRequestId(42L)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.issue("RPR-2026-000042", "process-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never filed");
        verify(gateway, never()).issue(any());
    }

    @Test
    void pdfIsOpenedForSomeoneWhoMaySeeTheRequest() throws Exception {
        when(certificates.findByCertificateNumber("RPR/BIRTH/2026/000001")).thenReturn(Optional.of(issued()));
        when(store.open("certificates/abc.pdf")).thenReturn(Optional.of(new ByteArrayInputStream(PDF)));
        when(access.maySee(REGISTRAR, request)).thenReturn(true);

        CertificateService.CertificateFile file = service.openPdf("RPR/BIRTH/2026/000001", REGISTRAR);

        assertThat(file.fileName()).isEqualTo("RPR-BIRTH-2026-000001.pdf");
        try (InputStream content = file.content()) {
            assertThat(content.readAllBytes()).isEqualTo(PDF);
        }
        verify(access).maySee(REGISTRAR, request);
    }

    @Test
    void pdfOfAnUnknownNumberIsNotFound() {
        when(certificates.findByCertificateNumber("RPR/BIRTH/2026/000009")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.openPdf("RPR/BIRTH/2026/000009", REGISTRAR))
                .isInstanceOfSatisfying(Refusal.class,
                        e -> assertThat(e.getKind()).isEqualTo(Refusal.Kind.NOT_FOUND));
    }

    /** Not found, in the words of a number that names none: nobody learns which numbers exist by trying them. */
    @Test
    void pdfIsNotOpenedForSomeoneWhoMayNotSeeTheRequest() {
        when(certificates.findByCertificateNumber("RPR/BIRTH/2026/000001")).thenReturn(Optional.of(issued()));
        when(certificates.findByCertificateNumber("RPR/BIRTH/2026/000009")).thenReturn(Optional.empty());
        when(access.maySee(REGISTRAR, request)).thenReturn(false);

        assertThatThrownBy(() -> service.openPdf("RPR/BIRTH/2026/000001", REGISTRAR))
                .isInstanceOfSatisfying(Refusal.class, hidden -> {
                    assertThat(hidden.getKind()).isEqualTo(Refusal.Kind.NOT_FOUND);
                    assertThatThrownBy(() -> service.openPdf("RPR/BIRTH/2026/000009", REGISTRAR))
                            .hasMessage(hidden.getMessage().replace("000001", "000009"));
                });
        verify(store, never()).open(anyString());
    }

    @Test
    void pdfMissingFromTheStoreIsAServerFault() {
        when(certificates.findByCertificateNumber("RPR/BIRTH/2026/000001")).thenReturn(Optional.of(issued()));
        when(access.maySee(REGISTRAR, request)).thenReturn(true);
        when(store.open("certificates/abc.pdf")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.openPdf("RPR/BIRTH/2026/000001", REGISTRAR))
                .isInstanceOf(CertificateFileMissing.class)
                .hasMessage("The PDF of certificate RPR/BIRTH/2026/000001 is missing from the document store."
                        + " Report it to an administrator.");
    }

    @Test
    void verificationUrlHasNoDoubleSlash() {
        assertThat(service("https://mitan.example//").verificationUrl("CODE"))
                .isEqualTo("https://mitan.example/verify/CODE");
        assertThat(service("http://localhost:8080").verificationUrl("CODE"))
                .isEqualTo("http://localhost:8080/verify/CODE");
    }

    private CertificateService service(String publicBaseUrl) {
        return new CertificateService(requestRows, progress, certificates, submissions, gateway, store, catalogue,
                approvers, payments, corrections, access, sms, Clock.fixed(NOW, ZoneOffset.UTC), publicBaseUrl);
    }

    private static Certificate issued() {
        return new Certificate("RPR/BIRTH/2026/000001", 42L, "RPR", "birth-certificate", "Asha Sahu", NOW,
                "certificates/abc.pdf", "abc", "CODE");
    }

    private static ServiceRequest request(String number, String feedbackCode, long id) {
        ServiceRequest request = new ServiceRequest(number, "birth-certificate", "RPR", 12, "Ramesh Sahu",
                "9876543210", "House 4, Ward 12", VisitWindow.MORNING, "hi", feedbackCode, NOW);
        ReflectionTestUtils.setField(request, "id", id);
        return request;
    }
}
