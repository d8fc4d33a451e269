package org.mitan.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.document.Document;
import org.mitan.document.DocumentRepository;
import org.mitan.process.SmsTemplates;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.sms.SmsService;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

class SingleWindowSubmissionsTest {

    private static final Instant NOW = Instant.parse("2026-02-10T06:30:00Z");

    private final ServiceRequestRepository requestRows = mock(ServiceRequestRepository.class);
    private final Requests progress = mock(Requests.class);
    private final DocumentRepository documents = mock(DocumentRepository.class);
    private final SubmissionRepository submissions = mock(SubmissionRepository.class);
    private final SingleWindowGateway gateway = mock(SingleWindowGateway.class);
    private final SmsService sms = mock(SmsService.class);
    private final SingleWindowSubmissions service = new SingleWindowSubmissions(requestRows, progress, documents,
            submissions, gateway, sms, Clock.fixed(NOW, ZoneOffset.UTC));
    private ServiceRequest request;

    @BeforeEach
    void aScrutinisedRequest() {
        request = new ServiceRequest("RPR-2026-000042", "birth-certificate", "RPR", 12, "Ramesh Sahu", "9876543210",
                "House 4, Ward 12", VisitWindow.MORNING, "hi", "feedback-secret-1", NOW);
        ReflectionTestUtils.setField(request, "id", 42L);
        request.setParticulars(Map.of("childName", "Asha Sahu"));
        when(requestRows.lockByRequestNumber("RPR-2026-000042")).thenReturn(Optional.of(request));
        when(submissions.findByRequestId(42L)).thenReturn(Optional.empty());
        when(submissions.save(any())).thenAnswer(call -> call.getArgument(0));
        when(documents.findByRequestIdOrderByUploadedAtAsc(42L)).thenReturn(List.of(new Document(UUID.randomUUID(),
                42L, "birth-report", "documents/RPR-2026-000042/aa", "aa".repeat(32), 1234, "application/pdf",
                "mitan1", NOW)));
        when(gateway.name()).thenReturn("local");
    }

    @Test
    void filesTheRequestWithItsDocumentsAndRecordsTheReference() {
        when(gateway.submit(any())).thenReturn(new SubmissionReceipt("LR-RPR-2026-000042"));

        SingleWindowSubmissions.Outcome outcome = service.submit("RPR-2026-000042");

        assertThat(outcome).isEqualTo(new SingleWindowSubmissions.Submitted("LR-RPR-2026-000042"));
        ArgumentCaptor<ApplicationFiling> filing = ArgumentCaptor.forClass(ApplicationFiling.class);
        verify(gateway).submit(filing.capture());
        assertThat(filing.getValue().requestNumber()).isEqualTo("RPR-2026-000042");
        assertThat(filing.getValue().ward()).isEqualTo(12);
        assertThat(filing.getValue().particulars()).containsEntry("childName", "Asha Sahu");
        assertThat(filing.getValue().documents()).containsExactly(new ApplicationFiling.FiledDocument(
                "birth-report", "aa".repeat(32), 1234, "application/pdf"));
        ArgumentCaptor<Submission> saved = ArgumentCaptor.forClass(Submission.class);
        verify(submissions).save(saved.capture());
        assertThat(saved.getValue().getRequestId()).isEqualTo(42L);
        assertThat(saved.getValue().getReference()).isEqualTo("LR-RPR-2026-000042");
        assertThat(saved.getValue().getGateway()).isEqualTo("local");
        assertThat(saved.getValue().getSubmittedAt()).isEqualTo(NOW);
        verify(progress).advance(request, RequestStatus.SUBMITTED, SingleWindowSubmissions.ACTOR,
                "Reference LR-RPR-2026-000042");
        verify(sms).toCitizen(request, SmsTemplates.SUBMITTED, Map.of("submissionReference", "LR-RPR-2026-000042"));
    }

    @Test
    void aRequestFiledBeforeKeepsItsReferenceAndIsNotFiledAgain() {
        when(submissions.findByRequestId(42L))
                .thenReturn(Optional.of(new Submission(42L, "SWS-EARLIER", "http", NOW.minusSeconds(60))));

        SingleWindowSubmissions.Outcome outcome = service.submit("RPR-2026-000042");

        assertThat(outcome).isEqualTo(new SingleWindowSubmissions.Submitted("SWS-EARLIER"));
        verify(gateway, never()).submit(any());
        verify(submissions, never()).save(any());
        verify(progress, never()).advance(any(), any(), anyString(), anyString());
        verify(sms, never()).toCitizen(any(), anyString(), anyMap());
    }

    @Test
    void refusalIsReturnedWithItsReasonAndRecordedButNothingIsFiled() {
        when(gateway.submit(any()))
                .thenThrow(new SingleWindowRejection("Parents' names do not match the birth report"));

        SingleWindowSubmissions.Outcome outcome = service.submit("RPR-2026-000042");

        assertThat(outcome).isEqualTo(
                new SingleWindowSubmissions.Rejected("Parents' names do not match the birth report"));
        verify(progress).record(request, SingleWindowSubmissions.REJECTED_MILESTONE, SingleWindowSubmissions.ACTOR,
                "Parents' names do not match the birth report");
        verify(submissions, never()).save(any());
        verify(progress, never()).advance(any(), any(), anyString(), anyString());
        verify(sms, never()).toCitizen(any(), anyString(), anyMap());
    }

    @Test
    void technicalFailurePropagatesAndNothingIsRecorded() {
        when(gateway.submit(any())).thenThrow(new SingleWindowUnavailableException("HTTP 503"));

        assertThatThrownBy(() -> service.submit("RPR-2026-000042"))
                .isInstanceOf(SingleWindowUnavailableException.class);
        verify(submissions, never()).save(any());
        verify(progress, never()).record(any(), anyString(), anyString(), anyString());
    }

    @Test
    void unknownRequestIsATechnicalFailure() {
        when(requestRows.lockByRequestNumber("RPR-2026-999999")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.submit("RPR-2026-999999"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RPR-2026-999999");
        verify(gateway, never()).submit(any());
    }
}
