package org.mitan.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.document.DocumentRepository;
import org.mitan.document.RequiredDocuments;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.singlewindow.ParticularsFormLabels;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The register's side of a correction request, on its repositories faked: what is refused on which form field, and
 * that a refusal changes nothing. The whole path, through the engine and its forms, is
 * {@code CertificateCorrectionJourneyIT}'s.
 */
class CorrectionsTest {

    static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");
    static final String NUMBER = "RPR-2026-000077";

    final ServiceRequestRepository requestRows = mock(ServiceRequestRepository.class);
    final Requests progress = mock(Requests.class);
    final CertificateRepository certificates = mock(CertificateRepository.class);
    final CorrectionChangeRepository changes = mock(CorrectionChangeRepository.class);
    final PaperRegisterEntryRepository paperEntries = mock(PaperRegisterEntryRepository.class);
    final DocumentRepository documents = mock(DocumentRepository.class);
    final Corrections corrections = new Corrections(requestRows, progress, certificates, changes, paperEntries,
            mock(CorrectionRules.class), mock(ParticularsFormLabels.class), documents, mock(RequiredDocuments.class),
            Clock.fixed(NOW, ZoneOffset.UTC));
    final ServiceRequest request = request(77L, NUMBER, "RPR");

    @BeforeEach
    void aBirthCorrectionRequest() {
        when(progress.require(NUMBER)).thenReturn(request);
    }

    @Test
    void aNumberLongerThanTheRegisterKeepsIsRefusedOnItsFieldBeforeAnythingIsLookedUpOrKept() {
        String longer = "RPR/BIRTH/1998/" + "0".repeat(50);

        assertThatThrownBy(() -> corrections.link(NUMBER, longer, "birth-certificate", true, "mitan.raipur"))
                .isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("certificateToCorrect");
                    assertThat(refusal.getMessage()).contains("at most 64 characters");
                });
        // 64 characters are what the form and the register take.
        when(certificates.findByCertificateNumber(anyString())).thenReturn(Optional.empty());
        assertThatThrownBy(() -> corrections.link(NUMBER, longer.substring(0, 64), "birth-certificate", false,
                "mitan.raipur")).isInstanceOfSatisfying(CorrectionRefused.class, refusal ->
                        assertThat(refusal.getMessage()).startsWith("No certificate in the register has the number"));
        verify(requestRows, never()).save(any());
        verifyNoInteractions(paperEntries, changes);
    }

    @Test
    void aNumberWithAControlOrInvisibleCharacterIsRefusedOnItsFieldAndNotLookedUp() {
        for (String typed : new String[] {"RPR/BIRTH/1998/\u0000004217", "RPR/BIRTH/1998/\u200B004217",
                "RPR/BIRTH/1998\n/004217", "RPR/BIRTH/\u202E1998/004217"}) {
            assertThatThrownBy(() -> corrections.link(NUMBER, typed, "birth-certificate", true, "mitan.raipur"))
                    .as(typed).isInstanceOfSatisfying(CorrectionRefused.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("certificateToCorrect");
                        assertThat(refusal.getMessage()).startsWith("certificateToCorrect ")
                                .containsAnyOf("control character", "invisible character", "line break");
                    });
        }
        verifyNoInteractions(certificates, paperEntries, changes, documents);
        verify(requestRows, never()).save(any());
    }

    static ServiceRequest request(long id, String number, String body) {
        ServiceRequest request = new ServiceRequest(number, "birth-correction", body, 12, "Kamla Sahu", "9826100031",
                "House 3, Tatibandh, Raipur", VisitWindow.MORNING, "hi", "feedback-code-" + id, NOW);
        ReflectionTestUtils.setField(request, "id", id);
        return request;
    }
}
