package org.mitan.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;

class SmsDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");
    private static final SmsTexts TEXTS = new SmsTexts();

    private final SmsMessageRepository outbox = mock(SmsMessageRepository.class);
    private final SmsGateway gateway = mock(SmsGateway.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);

    private SmsDispatcher dispatcher(int maxAttempts, int batchSize) {
        SmsProperties properties = new SmsProperties(SmsProperties.Mode.LOG, null, null, "MITAN", maxAttempts,
                batchSize, Duration.ofSeconds(1), Duration.ofSeconds(1), "hi", Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofHours(24));
        return new SmsDispatcher(outbox, gateway, new SmsRedaction(TEXTS), transactions, properties,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SmsMessage message(String phone, String body) {
        return new SmsMessage(7L, phone, "SUBMITTED", "en", body, NOW.minusSeconds(60));
    }

    @BeforeEach
    void transactionsSucceed() {
        when(transactions.getTransaction(any())).thenAnswer(invocation -> new SimpleTransactionStatus());
    }

    @Test
    void sendsPendingMessagesAndMarksThemSentWithTheProvidersReference() {
        SmsMessage first = message("9876543210", "first");
        SmsMessage second = message("9123456789", "second");
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L, 2L));
        when(outbox.lockPending(1L)).thenReturn(Optional.of(first));
        when(outbox.lockPending(2L)).thenReturn(Optional.of(second));
        when(gateway.send("9876543210", "first", "mitan-sms-null")).thenReturn("ref-1");
        when(gateway.send("9123456789", "second", "mitan-sms-null")).thenReturn("ref-2");

        int sent = dispatcher(5, 20).dispatchPending();

        assertThat(sent).isEqualTo(2);
        assertThat(first.getStatus()).isEqualTo(SmsStatus.SENT);
        assertThat(first.getProviderReference()).isEqualTo("ref-1");
        assertThat(first.getSentAt()).isEqualTo(NOW);
        assertThat(second.getProviderReference()).isEqualTo("ref-2");
        verify(outbox).save(first);
        verify(outbox).save(second);
    }

    @Test
    void aRefusedMessageIsCountedAndDoesNotHoldUpTheOthers() {
        SmsMessage refused = message("9876543210", "refused");
        SmsMessage fine = message("9123456789", "fine");
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L, 2L));
        when(outbox.lockPending(1L)).thenReturn(Optional.of(refused));
        when(outbox.lockPending(2L)).thenReturn(Optional.of(fine));
        when(gateway.send("9876543210", "refused", "mitan-sms-null"))
                .thenThrow(SmsGatewayException.refused("provider refused the message with 422"));
        when(gateway.send("9123456789", "fine", "mitan-sms-null")).thenReturn("ref-2");

        int sent = dispatcher(5, 20).dispatchPending();

        assertThat(sent).isEqualTo(1);
        assertThat(refused.getStatus()).isEqualTo(SmsStatus.PENDING);
        assertThat(refused.getAttempts()).isEqualTo(1);
        assertThat(refused.getLastError()).isEqualTo("provider refused the message with 422");
        assertThat(fine.getStatus()).isEqualTo(SmsStatus.SENT);
        verify(outbox).save(refused);
    }

    @Test
    void aMessageIsFailedAfterTheLastAllowedRefusal() {
        SmsMessage message = message("9876543210", "body");
        message.markAttemptFailed("earlier", 3);
        message.markAttemptFailed("earlier", 3);
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L));
        when(outbox.lockPending(1L)).thenReturn(Optional.of(message));
        when(gateway.send(any(), any(), any())).thenThrow(SmsGatewayException.refused("bad number"));

        dispatcher(3, 20).dispatchPending();

        assertThat(message.getAttempts()).isEqualTo(3);
        assertThat(message.getStatus()).isEqualTo(SmsStatus.FAILED);
    }

    @Test
    void eachMessageIsSentInItsOwnNewTransaction() {
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L, 2L));
        when(outbox.lockPending(anyLong())).thenAnswer(invocation -> Optional.of(message("9876543210", "x")));
        when(gateway.send(any(), any(), any())).thenReturn("ref");

        dispatcher(5, 20).dispatchPending();

        // one to read the batch, one per message
        verify(transactions, times(3)).getTransaction(org.mockito.ArgumentMatchers.<TransactionDefinition>argThat(
                definition -> definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        verify(transactions, times(3)).commit(any());
    }

    @Test
    void aMessageAnotherDispatcherHoldsIsLeftAlone() {
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L));
        when(outbox.lockPending(1L)).thenReturn(Optional.empty());

        assertThat(dispatcher(5, 20).dispatchPending()).isZero();
        verify(gateway, never()).send(any(), any(), any());
    }

    @Test
    void readsBatchAfterBatchUntilAShortOne() {
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L, 2L));
        when(outbox.findDueIdsAfter(eq(2L), eq(NOW), any())).thenReturn(List.of(3L));
        when(outbox.lockPending(anyLong())).thenAnswer(invocation -> Optional.of(message("9876543210", "x")));
        when(gateway.send(any(), any(), any())).thenReturn("ref");

        assertThat(dispatcher(5, 2).dispatchPending()).isEqualTo(3);
        verify(outbox).findDueIdsAfter(eq(0L), eq(NOW), eq(Pageable.ofSize(2)));
        verify(outbox).findDueIdsAfter(eq(2L), eq(NOW), eq(Pageable.ofSize(2)));
        verify(outbox, never()).findDueIdsAfter(eq(3L), any(), any());
    }

    @Test
    void nothingPendingSendsNothing() {
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of());

        assertThat(dispatcher(5, 20).dispatchPending()).isZero();
        verify(gateway, never()).send(any(), any(), any());
    }

    @Test
    void aSentDeliveryOtpKeepsItsTextButNotTheOtp() {
        String body = TEXTS.render("DELIVERY_OTP", "en", Map.of("otp", "402913", "requestNumber", "RPR-2026-000123",
                "mitanName", "Sunita Verma"));
        SmsMessage otp = new SmsMessage(7L, "9876543210", "DELIVERY_OTP", "en", body, NOW.minusSeconds(60));
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L));
        when(outbox.lockPending(1L)).thenReturn(Optional.of(otp));
        when(gateway.send("9876543210", body, "mitan-sms-null")).thenReturn("ref-1");

        dispatcher(5, 20).dispatchPending();

        verify(gateway).send("9876543210", body, "mitan-sms-null");
        assertThat(body).contains("402913");
        assertThat(otp.getStatus()).isEqualTo(SmsStatus.SENT);
        assertThat(otp.getBody()).isEqualTo(body.replace("402913", "******"))
                .contains("RPR-2026-000123", "Sunita Verma").doesNotContain("402913");
        verify(outbox).save(otp);
    }

    @Test
    void aDeliveryOtpStillToBeSentKeepsItsOtpAndOneThatFailedForGoodLosesIt() {
        String body = TEXTS.render("DELIVERY_OTP", "hi", Map.of("otp", "000777", "requestNumber", "KRB-2026-000777",
                "mitanName", "Rekha"));
        SmsMessage retried = new SmsMessage(7L, "9876543210", "DELIVERY_OTP", "hi", body, NOW.minusSeconds(60));
        SmsMessage failed = new SmsMessage(8L, "9123456789", "DELIVERY_OTP", "hi", body, NOW.minusSeconds(60));
        failed.markAttemptFailed("earlier", 2);
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L, 2L));
        when(outbox.lockPending(1L)).thenReturn(Optional.of(retried));
        when(outbox.lockPending(2L)).thenReturn(Optional.of(failed));
        when(gateway.send(any(), any(), any())).thenThrow(SmsGatewayException.refused("bad number"));

        dispatcher(2, 20).dispatchPending();

        assertThat(retried.getStatus()).isEqualTo(SmsStatus.PENDING);
        assertThat(retried.getBody()).isEqualTo(body);
        assertThat(failed.getStatus()).isEqualTo(SmsStatus.FAILED);
        assertThat(failed.getBody()).isEqualTo(body.replaceFirst("000777", "******")).contains("KRB-2026-000777");
    }

    @Test
    void otherTextsAreKeptAsSent() {
        SmsMessage submitted = message("9876543210", "Mitan: your birth certificate application RPR-2026-000042 "
                + "has gone to the office for a decision. We will SMS you the result.");
        String sent = submitted.getBody();
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L));
        when(outbox.lockPending(1L)).thenReturn(Optional.of(submitted));
        when(gateway.send(any(), any(), any())).thenReturn("ref");

        dispatcher(5, 20).dispatchPending();

        assertThat(submitted.getBody()).isEqualTo(sent);
    }

    @Test
    void aProviderThatCannotBeUsedEndsTheRunAndTheMessageWaitsLongerEachTime() {
        SmsMessage first = message("9876543210", "first");
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L, 2L));
        when(outbox.lockPending(1L)).thenReturn(Optional.of(first));
        when(gateway.send(any(), any(), any())).thenThrow(new SmsGatewayException("SMS provider answered 503"));

        assertThat(dispatcher(5, 20).dispatchPending()).isZero();

        verify(outbox, never()).lockPending(2L);
        assertThat(first.getStatus()).isEqualTo(SmsStatus.PENDING);
        assertThat(first.getAttempts()).isEqualTo(1);
        assertThat(first.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(first.getLastError()).isEqualTo("SMS provider answered 503");

        dispatcher(5, 20).dispatchPending();
        assertThat(first.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
        dispatcher(5, 20).dispatchPending();
        assertThat(first.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void anOutageOutlastingTheMaximumAttemptsLosesNothing() {
        SmsMessage message = message("9876543210", "body");
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L));
        when(outbox.lockPending(1L)).thenReturn(Optional.of(message));
        when(gateway.send(any(), any(), any())).thenThrow(new SmsGatewayException("timeout"));

        SmsDispatcher dispatcher = dispatcher(3, 20);
        for (int i = 0; i < 10; i++) {
            dispatcher.dispatchPending();
        }

        assertThat(message.getAttempts()).isEqualTo(10);
        assertThat(message.getStatus()).isEqualTo(SmsStatus.PENDING);
        assertThat(message.getNextAttemptAt()).as("the longest wait").isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aMessageTheProviderCouldNotTakeForADayIsGivenUp() {
        SmsMessage old = new SmsMessage(7L, "9876543210", "SUBMITTED", "en", "body",
                NOW.minus(Duration.ofHours(24)).plusSeconds(10));
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(1L));
        when(outbox.lockPending(1L)).thenReturn(Optional.of(old));
        when(gateway.send(any(), any(), any())).thenThrow(new SmsGatewayException("timeout"));

        dispatcher(5, 20).dispatchPending();

        assertThat(old.getStatus()).isEqualTo(SmsStatus.FAILED);
        assertThat(old.getNextAttemptAt()).isNull();
    }

    @Test
    void theWaitDoublesUpToTheLongest() {
        SmsDispatcher dispatcher = dispatcher(5, 20);

        assertThat(dispatcher.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(dispatcher.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(dispatcher.backoffAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(dispatcher.backoffAfter(6)).isEqualTo(Duration.ofMinutes(15));
        assertThat(dispatcher.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void everyAttemptOfAMessageCarriesTheSameKey() {
        SmsMessage message = message("9876543210", "body");
        org.springframework.test.util.ReflectionTestUtils.setField(message, "id", 41L);
        when(outbox.findDueIdsAfter(eq(0L), eq(NOW), any())).thenReturn(List.of(41L));
        when(outbox.lockPending(41L)).thenReturn(Optional.of(message));
        when(gateway.send(any(), any(), any())).thenThrow(new SmsGatewayException("timeout")).thenReturn("ref");

        dispatcher(5, 20).dispatchPending();
        dispatcher(5, 20).dispatchPending();

        verify(gateway, times(2)).send("9876543210", "body", "mitan-sms-41");
        assertThat(message.getStatus()).isEqualTo(SmsStatus.SENT);
        assertThat(message.getNextAttemptAt()).isNull();
    }
}
