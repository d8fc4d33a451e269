package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

class DocumentReturnsTest {

    static final String NUMBER = "RPR-2026-000042";
    static final Instant NOW = Instant.parse("2026-12-07T06:30:00.123456789Z");

    final Requests requests = mock(Requests.class);
    final DocumentRepository documents = mock(DocumentRepository.class);
    final DocumentReturnRepository returns = mock(DocumentReturnRepository.class);
    final RequiredDocuments requiredDocuments = mock(RequiredDocuments.class);
    final List<Document> scans = new ArrayList<>();
    final DocumentReturns documentReturns = new DocumentReturns(requests, documents, returns, requiredDocuments,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void setUp() {
        ServiceRequest request = new ServiceRequest(NUMBER, "birth-certificate", "RPR", 12, "Ravi Sahu",
                "9123456780", "Ward 12, Raipur", VisitWindow.EVENING, "en", "feedback-code", NOW);
        ReflectionTestUtils.setField(request, "id", 7L);
        when(requests.require(NUMBER)).thenReturn(request);
        when(requiredDocuments.forType("birth-certificate")).thenReturn(DocumentChecklistWriterTest.ROWS);
        when(documents.findByRequestIdOrderByUploadedAtAsc(7L)).thenReturn(scans);
        scan("ration-card");
        scan("birth-report");
        scan("birth-report");
    }

    /**
     * Every document the type asks for, scanned or not (an affidavit "only if it applies" that the clerk finds does
     * apply), in the table's order and named in both languages, then any other type the request has scans of.
     */
    @Test
    void theClerkMayReturnEveryDocumentTheTypeAsksForMarkingThoseNotScannedInTheTablesOrder() {
        scan("old-photo");

        assertThat(documentReturns.returnable(NUMBER)).containsExactly(
                Map.of("label", "Birth report / जन्म की सूचना", "value", "birth-report"),
                Map.of("label", "Parent's ID proof (not scanned yet / अभी स्कैन नहीं)", "value", "parent-id"),
                Map.of("label", "Voter ID / मतदाता पहचान पत्र (not scanned yet / अभी स्कैन नहीं)", "value",
                        "voter-id"),
                Map.of("label", "Ration card / राशन कार्ड", "value", "ration-card"),
                Map.of("label", "Late-registration affidavit (not scanned yet / अभी स्कैन नहीं)", "value",
                        "late-registration-affidavit"),
                Map.of("label", "old-photo", "value", "old-photo"));
    }

    @Test
    void aDocumentNeverScannedMayBeReturnedToBeTakenForTheFirstTime() {
        assertThat(documentReturns.record(NUMBER, List.of("late-registration-affidavit"), "clerk.raipur"))
                .containsExactly("Late-registration affidavit (not scanned yet / अभी स्कैन नहीं)");
        verify(returns).save(any());
    }

    @Test
    void aReturnAsTasklistSendsItIsKeptAndNamed() {
        List<String> named = documentReturns.record(NUMBER, Spin.JSON("[\"ration-card\", \"birth-report\"]"),
                "clerk.raipur");

        assertThat(named).containsExactly("Ration card / राशन कार्ड", "Birth report / जन्म की सूचना");
        ArgumentCaptor<DocumentReturn> kept = ArgumentCaptor.forClass(DocumentReturn.class);
        verify(returns).save(kept.capture());
        assertThat(kept.getValue().getRequestId()).isEqualTo(7L);
        assertThat(kept.getValue().getDocumentTypes()).containsExactly("ration-card", "birth-report");
        assertThat(kept.getValue().getReturnedBy()).isEqualTo("clerk.raipur");
        assertThat(kept.getValue().getReturnedAt()).as("as the database keeps it")
                .isEqualTo(Instant.parse("2026-12-07T06:30:00.123456Z"));
    }

    @Test
    void aReturnThatNamesNoDocumentIsRefused() {
        assertThatThrownBy(() -> documentReturns.record(NUMBER, Spin.JSON("[]"), "clerk.raipur"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("returnedDocuments must name at least one document");
        verify(returns, never()).save(any());
    }

    @Test
    void aReturnOfATypeTheRequestNeitherAsksForNorHasIsRefusedNamingThoseItMay() {
        assertThatThrownBy(() -> documentReturns.record(NUMBER, List.of("birth-report", "passport"), "clerk.raipur"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("may name only documents request " + NUMBER + " asks for or has scans of"
                        + " (birth-report, parent-id, voter-id, ration-card, late-registration-affidavit); 'passport'"
                        + " is not one of them");
        verify(returns, never()).save(any());
    }

    @Test
    void aValueThatIsNoListOfTextIsRefused() {
        for (Object sent : List.of("birth-report", Spin.JSON("{\"a\": 1}"), Spin.JSON("[1]"), List.of(1))) {
            assertThatThrownBy(() -> documentReturns.record(NUMBER, sent, "clerk.raipur")).as(String.valueOf(sent))
                    .isInstanceOf(Refusal.class).hasMessageContaining("returnedDocuments is a list of the document");
        }
        verify(returns, never()).save(any());
    }

    @Test
    void aReturnFromAFormWithoutTheChoiceKeepsNothing() {
        assertThat(documentReturns.record(NUMBER, null, "clerk.raipur")).isEmpty();
        verify(returns, never()).save(any());
    }

    private void scan(String type) {
        scans.add(new Document(UUID.randomUUID(), 7L, type, "documents/" + NUMBER + "/" + scans.size(),
                "0".repeat(64), 10, "image/jpeg", "mitan.raipur", NOW.minusSeconds(3600 - scans.size())));
    }
}
