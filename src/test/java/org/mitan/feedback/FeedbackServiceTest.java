package org.mitan.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.feedback.FeedbackService.FeedbackForm;
import org.mitan.feedback.FeedbackService.GivenFeedback;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.util.ReflectionTestUtils;

class FeedbackServiceTest {

    private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");

    private final ServiceRequestRepository serviceRequests = mock(ServiceRequestRepository.class);
    private final FeedbackRepository feedbackRows = mock(FeedbackRepository.class);
    private final Requests requests = mock(Requests.class);
    private final FeedbackService service = new FeedbackService(serviceRequests, feedbackRows, requests,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private ServiceRequest request;

    @BeforeEach
    void aDeliveredRequest() {
        request = new ServiceRequest("RPR-2026-000042", "birth-certificate", "RPR", 12, "Ramesh", "9876543210",
                "Raipur", VisitWindow.MORNING, "hi", "fbCode42", NOW.minusSeconds(864000));
        ReflectionTestUtils.setField(request, "id", 42L);
        request.moveTo(RequestStatus.DELIVERED, NOW.minusSeconds(3600));
        when(serviceRequests.findByFeedbackCode("fbCode42")).thenReturn(Optional.of(request));
        when(feedbackRows.findByRequestId(42L)).thenReturn(Optional.empty());
        when(feedbackRows.saveAndFlush(any())).thenAnswer(invocation -> invocation.getArgument(0));
    }

    private static Refusal.Kind kindOf(Runnable call) {
        try {
            call.run();
        } catch (Refusal e) {
            return e.getKind();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void storesTheRatingAndTheTrimmedCommentOnce() {
        GivenFeedback given = service.give("fbCode42", new FeedbackForm(5, "  The Mitan was on time.  "));

        ArgumentCaptor<Feedback> saved = ArgumentCaptor.forClass(Feedback.class);
        verify(feedbackRows).saveAndFlush(saved.capture());
        assertThat(saved.getValue().getRequestId()).isEqualTo(42L);
        assertThat(saved.getValue().getRating()).isEqualTo(5);
        assertThat(saved.getValue().getComment()).isEqualTo("The Mitan was on time.");
        assertThat(saved.getValue().getCreatedAt()).isEqualTo(NOW);
        assertThat(given).isEqualTo(new GivenFeedback(5, "The Mitan was on time.", NOW));
        verify(requests).record(request, FeedbackService.FEEDBACK_RECEIVED, null, "Rating 5 of 5");
    }

    @Test
    void anEmptyCommentIsNoComment() {
        assertThat(service.give("fbCode42", new FeedbackForm(3, "   ")).comment()).isNull();
        assertThat(service.give("fbCode42", new FeedbackForm(3, null)).comment()).isNull();
    }

    @Test
    void theRatingMustBeOneToFive() {
        for (Integer rating : new Integer[] {0, 6, -1, null}) {
            assertThatThrownBy(() -> service.give("fbCode42", new FeedbackForm(rating, "ok")))
                    .isInstanceOfSatisfying(Refusal.class, e -> {
                        assertThat(e.getKind()).isEqualTo(Refusal.Kind.INVALID);
                        assertThat(e.getProperties()).extractingByKey("fieldErrors").asInstanceOf(
                                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsOnlyKeys("rating");
                    });
        }
        assertThatThrownBy(() -> service.give("fbCode42", null)).hasMessageContaining("rating");
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    @Test
    void aCommentWithControlCharactersIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> service.give("fbCode42", new FeedbackForm(5, "good\u0000service")))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.getProperties().get("fieldErrors"))
                        .asString().contains("comment=contains a control character (U+0000 NULL)"));
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    @Test
    void theCommentMayHaveAThousandCharactersAndNoMore() {
        assertThat(service.give("fbCode42", new FeedbackForm(4, "a".repeat(1000))).comment()).hasSize(1000);

        assertThatThrownBy(() -> service.give("fbCode42", new FeedbackForm(9, "a".repeat(1001))))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.getProperties().get("fieldErrors"))
                        .isEqualTo(Map.of("rating", "must be a whole number from 1 (poor) to 5 (excellent)",
                                "comment", "must be at most 1000 characters")));
    }

    @Test
    void anUnknownOrMalformedLinkIsNotFound() {
        when(serviceRequests.findByFeedbackCode("nope")).thenReturn(Optional.empty());

        assertThat(kindOf(() -> service.give("nope", new FeedbackForm(5, null)))).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(kindOf(() -> service.give("../../etc", new FeedbackForm(5, null))))
                .isEqualTo(Refusal.Kind.NOT_FOUND);
        verify(serviceRequests, never()).findByFeedbackCode("../../etc");
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    @Test
    void beforeDeliveryItIsAConflict() {
        request.moveTo(RequestStatus.OUT_FOR_DELIVERY, NOW);

        assertThatThrownBy(() -> service.give("fbCode42", new FeedbackForm(5, null)))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
                    assertThat(e.getProperties()).containsEntry("requestStatus", "OUT_FOR_DELIVERY");
                });
        verify(feedbackRows, never()).saveAndFlush(any());
        verify(requests, never()).record(any(), anyString(), any(), any());
    }

    @Test
    void aSecondFeedbackIsAConflict() {
        when(feedbackRows.findByRequestId(42L)).thenReturn(Optional.of(new Feedback(42L, 4, null, NOW)));

        assertThat(kindOf(() -> service.give("fbCode42", new FeedbackForm(1, "changed my mind"))))
                .isEqualTo(Refusal.Kind.CONFLICT);
        verify(feedbackRows, never()).saveAndFlush(any());
    }

    @Test
    void twoAtOnceLeaveOneAndTheOtherIsAConflict() {
        when(feedbackRows.saveAndFlush(any()))
                .thenThrow(new DataIntegrityViolationException("feedback_request_id_key"));

        assertThat(kindOf(() -> service.give("fbCode42", new FeedbackForm(2, null))))
                .isEqualTo(Refusal.Kind.CONFLICT);
        verify(requests, never()).record(any(), anyString(), any(), any());
    }
}
