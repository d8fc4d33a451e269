package org.mitan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.MovingClock;
import org.mitan.failure.Refusal;
import org.mitan.mitan.Mitan;
import org.mitan.mitan.MitanHandover.MitanHandedOver;
import org.mitan.mitan.MitanRepository;
import org.mitan.process.SmsTemplates;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.mitan.sms.SmsMessageRepository;
import org.mitan.sms.SmsService;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;

class DeliveriesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T04:30:00Z");
    private static final String NUMBER = "RPR-2026-000042";

    private final DeliveryRepository deliveryRows = mock(DeliveryRepository.class);
    private final Requests requests = mock(Requests.class);
    private final MitanRepository mitans = mock(MitanRepository.class);
    private final SmsService sms = mock(SmsService.class);
    private final SmsMessageRepository outbox = mock(SmsMessageRepository.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final Otps otps = new Otps();
    private final MovingClock clock = new MovingClock(NOW);
    private final Deliveries deliveries = new Deliveries(deliveryRows, requests, mitans, sms, outbox, otps,
            transactions, clock, OtpLimits.defaults());

    private ServiceRequest request;
    private Delivery stored;

    @BeforeEach
    void setUp() {
        request = new ServiceRequest(NUMBER, "birth-certificate", "RPR", 12, "Ramesh Verma", "9876543210",
                "Ward 12, Raipur", VisitWindow.MORNING, "hi", "fb1", NOW);
        ReflectionTestUtils.setField(request, "id", 42L);
        request.setMitanId(5L);
        request.moveTo(RequestStatus.CERTIFICATE_ISSUED, NOW);
        when(requests.require(NUMBER)).thenReturn(request);
        when(deliveryRows.save(any())).thenAnswer(invocation -> {
            Delivery delivery = invocation.getArgument(0);
            if (delivery.getId() == null) {
                ReflectionTestUtils.setField(delivery, "id", 9L);
            }
            stored = delivery;
            return delivery;
        });
        when(deliveryRows.findByRequestId(42L)).thenAnswer(invocation -> Optional.ofNullable(stored));
        when(deliveryRows.lockByRequestId(42L)).thenAnswer(invocation -> Optional.ofNullable(stored));
        when(deliveryRows.findById(9L)).thenAnswer(invocation -> Optional.ofNullable(stored));
        when(transactions.getTransaction(any())).thenAnswer(invocation -> new SimpleTransactionStatus());
    }

    /** The OTPs sent to the citizen so far, oldest first. */
    @SuppressWarnings("unchecked")
    private List<String> otpsSent() {
        ArgumentCaptor<Map<String, Object>> params = ArgumentCaptor.forClass(Map.class);
        verify(sms, org.mockito.Mockito.atLeast(0)).toCitizen(eq(request), eq(SmsTemplates.DELIVERY_OTP),
                params.capture());
        return params.getAllValues().stream().map(p -> (String) p.get("otp")).toList();
    }

    private String arranged() {
        deliveries.arrange(NUMBER, "mitan-sunita");
        when(outbox.existsByRequestIdAndTemplate(42L, SmsTemplates.DELIVERY_OTP)).thenReturn(true);
        request.moveTo(RequestStatus.OUT_FOR_DELIVERY, NOW);
        return otpsSent().get(0);
    }

    @Test
    void arrangingCreatesTheDeliveryWithOnlyAHashAndTextsTheOtpToTheCitizen() {
        Delivery delivery = deliveries.arrange(NUMBER, "mitan-sunita");

        List<String> sent = otpsSent();
        assertThat(sent).hasSize(1);
        String otp = sent.get(0);
        assertThat(otp).matches("[0-9]{6}");
        assertThat(delivery.getRequestId()).isEqualTo(42L);
        assertThat(delivery.getMitanUserId()).isEqualTo("mitan-sunita");
        assertThat(delivery.getOtpHash()).doesNotContain(otp);
        assertThat(otps.matches(otp, delivery.getOtpHash())).isTrue();
        assertThat(delivery.getOtpSentCount()).isEqualTo(1);
        assertThat(delivery.getOtpSentAt()).isEqualTo(NOW);
        verify(requests).advance(eq(request), eq(RequestStatus.OUT_FOR_DELIVERY), eq(null), anyString());
    }

    @Test
    void arrangingAgainReusesTheDeliveryAndSendsNoSecondOtp() {
        String otp = arranged();
        String hash = stored.getOtpHash();
        clearInvocations(sms, requests);

        Delivery again = deliveries.arrange(NUMBER, "mitan-sunita");

        assertThat(again).isSameAs(stored);
        assertThat(again.getOtpHash()).isEqualTo(hash);
        assertThat(otps.matches(otp, again.getOtpHash())).isTrue();
        verify(sms, never()).toCitizen(any(), any(), any());
        verify(requests, never()).advance(any(), any(), any(), any());
    }

    @Test
    void arrangingAgainSendsAnOtpWhenNoneWasSent() {
        stored = new Delivery(42L, "mitan-sunita", otps.hash("111111"), NOW);
        ReflectionTestUtils.setField(stored, "id", 9L);

        deliveries.arrange(NUMBER, "mitan-sunita");

        assertThat(otpsSent()).hasSize(1);
        assertThat(otps.matches(otpsSent().get(0), stored.getOtpHash())).isTrue();
        assertThat(otps.matches("111111", stored.getOtpHash())).isFalse();
    }

    @Test
    void withoutAMitanVariableTheRequestsMitanDelivers() {
        when(mitans.findById(5L)).thenReturn(Optional.of(new Mitan("RPR", "Sunita Sahu", "9123456780",
                "mitan-sunita", Set.of(12))));

        assertThat(deliveries.arrange(NUMBER, null).getMitanUserId()).isEqualTo("mitan-sunita");
    }

    @Test
    void theRightOtpMarksTheCertificateDelivered() {
        String otp = arranged();

        Delivery delivery = deliveries.confirm(NUMBER, " " + otp.substring(0, 3) + " " + otp.substring(3), "sunita");

        assertThat(delivery.isDelivered()).isTrue();
        assertThat(delivery.getDeliveredBy()).isEqualTo("sunita");
        assertThat(delivery.getDeliveredAt()).isEqualTo(NOW);
        verify(requests).advance(eq(request), eq(RequestStatus.DELIVERED), eq("sunita"), anyString());
        verify(sms).toCitizen(eq(request), eq(SmsTemplates.DELIVERED), any());
        verifyNoInteractions(transactions);
    }

    /** The Mitan's phone may type the OTP the citizen reads out in Devanagari digits. */
    @Test
    void theRightOtpTypedInDevanagariDigitsMarksTheCertificateDelivered() {
        String otp = arranged();
        StringBuilder devanagari = new StringBuilder();
        otp.chars().forEach(digit -> devanagari.append((char) ('०' + (digit - '0'))));

        Delivery delivery = deliveries.confirm(NUMBER, devanagari.toString(), "sunita");

        assertThat(delivery.isDelivered()).isTrue();
    }

    @Test
    void aWrongOtpIsCountedInItsOwnTransactionAndRefusedSayingWhatIsLeft() {
        String otp = arranged();
        String wrong = otp.equals("000000") ? "000001" : "000000";

        assertThatThrownBy(() -> deliveries.confirm(NUMBER, wrong, "sunita"))
                .isInstanceOf(WrongOtpException.class)
                .hasMessage("The OTP does not match. 2 attempt(s) left. (ओटीपी मेल नहीं खाता। 2 प्रयास बाकी।)");
        assertThatThrownBy(() -> deliveries.confirm(NUMBER, wrong, "sunita"))
                .hasMessage("The OTP does not match. 1 attempt(s) left. (ओटीपी मेल नहीं खाता। 1 प्रयास बाकी।)");

        assertThat(stored.getFailedAttempts()).isEqualTo(2);
        assertThat(stored.isDelivered()).isFalse();
        verify(transactions, times(2)).getTransaction(org.mockito.ArgumentMatchers.<TransactionDefinition>argThat(
                definition -> definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        verify(transactions, times(2)).commit(any());
        verify(requests, never()).advance(any(), eq(RequestStatus.DELIVERED), any(), any());
    }

    @Test
    void afterTheLastWrongOtpANewOneIsSentAndTheOldOneStopsWorking() {
        String otp = arranged();
        String wrong = otp.equals("000000") ? "000001" : "000000";
        assertThatThrownBy(() -> deliveries.confirm(NUMBER, wrong, "sunita")).isInstanceOf(WrongOtpException.class);
        assertThatThrownBy(() -> deliveries.confirm(NUMBER, wrong, "sunita")).isInstanceOf(WrongOtpException.class);

        assertThatThrownBy(() -> deliveries.confirm(NUMBER, wrong, "sunita"))
                .isInstanceOf(WrongOtpException.class)
                .hasMessage("Too many wrong OTPs: a new OTP has been sent to the citizen's phone."
                        + " (बहुत बार गलत ओटीपी: नागरिक के फ़ोन पर नया ओटीपी भेजा गया है।)");

        List<String> sent = otpsSent();
        assertThat(sent).hasSize(2);
        String fresh = sent.get(1);
        assertThat(stored.getFailedAttempts()).isZero();
        assertThat(stored.getOtpSentCount()).isEqualTo(2);
        assertThat(otps.matches(fresh, stored.getOtpHash())).isTrue();
        verify(requests).record(eq(request), eq(Deliveries.OTP_REPLACED), eq("sunita"), anyString());
        if (!fresh.equals(otp)) {
            assertThat(otps.matches(otp, stored.getOtpHash())).isFalse();
        }
        assertThat(deliveries.confirm(NUMBER, fresh, "sunita").isDelivered()).isTrue();
    }

    @Test
    void aMissingOtpIsRefusedWithoutCountingAnAttempt() {
        arranged();

        assertThatThrownBy(() -> deliveries.confirm(NUMBER, "  ", "sunita"))
                .isInstanceOf(WrongOtpException.class)
                .hasMessageContaining("Enter the OTP");
        assertThatThrownBy(() -> deliveries.confirm(NUMBER, null, "sunita")).isInstanceOf(WrongOtpException.class);
        assertThat(stored.getFailedAttempts()).isZero();
        verifyNoInteractions(transactions);
    }

    @Test
    void aDeliveredCertificateStaysDelivered() {
        String otp = arranged();
        deliveries.confirm(NUMBER, otp, "sunita");
        clearInvocations(requests, sms);

        assertThat(deliveries.confirm(NUMBER, "999999", "someone").getDeliveredBy()).isEqualTo("sunita");
        verify(requests, never()).advance(any(), any(), any(), any());
        verifyNoInteractions(sms, transactions);
    }

    @Test
    void resendingReplacesTheOtpAndStartsTheAttemptsAgain() {
        String otp = arranged();
        String wrong = otp.equals("000000") ? "000001" : "000000";
        assertThatThrownBy(() -> deliveries.confirm(NUMBER, wrong, "sunita")).isInstanceOf(WrongOtpException.class);
        clock.advance(Duration.ofSeconds(60));

        Delivery delivery = deliveries.resendOtp(NUMBER, "supervisor1", true);

        String fresh = otpsSent().get(1);
        assertThat(delivery.getFailedAttempts()).isZero();
        assertThat(delivery.getOtpSentCount()).isEqualTo(2);
        assertThat(otps.matches(fresh, delivery.getOtpHash())).isTrue();
        verify(requests).record(eq(request), eq(Deliveries.OTP_RESENT), eq("supervisor1"), anyString());
    }

    @Test
    void resendingIsRefusedBeforeArrangementAndAfterDelivery() {
        assertThatThrownBy(() -> deliveries.resendOtp(NUMBER, "sunita", false))
                .isInstanceOfSatisfying(Refusal.class,
                        e -> assertThat(e.getKind()).isEqualTo(Refusal.Kind.CONFLICT))
                .hasMessageContaining("not been arranged")
                .hasMessageEndingWith(" / इस आवेदन का वितरण अभी तय नहीं हुआ है।");

        String otp = arranged();
        deliveries.confirm(NUMBER, otp, "sunita");
        clearInvocations(sms);

        assertThatThrownBy(() -> deliveries.resendOtp(NUMBER, "sunita", false))
                .isInstanceOfSatisfying(Refusal.class,
                        e -> assertThat(e.getKind()).isEqualTo(Refusal.Kind.CONFLICT))
                .hasMessageContaining("already been delivered")
                .hasMessageEndingWith(" / प्रमाण पत्र पहले ही सौंपा जा चुका है।");
        verifyNoInteractions(sms);
    }

    private static String wrongFor(String otp) {
        return otp.equals("000000") ? "000001" : "000000";
    }

    /** 8 OTP SMS in one second: only the first goes out. */
    @Test
    void anOtpAskedForAgainWithinTheIntervalIsRefusedWithTheWaitAndChangesNothing() {
        arranged();
        String hash = stored.getOtpHash();
        clock.advance(Duration.ofSeconds(10));
        clearInvocations(sms, requests, deliveryRows);

        assertThatThrownBy(() -> deliveries.resendOtp(NUMBER, "sunita", false))
                .isInstanceOfSatisfying(OtpLimitReached.class, limit -> {
                    assertThat(limit.retryAfterSeconds()).isEqualTo(50);
                    assertThat(limit.getMessage()).contains("An OTP was sent to the citizen of request " + NUMBER,
                            "Ask again after", " / OTP अभी भेजा गया है; SMS आने में एक मिनट लग सकता है।");
                });
        assertThatThrownBy(() -> deliveries.resendOtp(NUMBER, "supervisor1", true))
                .isInstanceOf(OtpLimitReached.class);

        assertThat(stored.getOtpHash()).isEqualTo(hash);
        assertThat(stored.getOtpSentCount()).isEqualTo(1);
        verifyNoInteractions(sms);
        verify(requests, never()).record(any(), anyString(), any(), any());
        verify(deliveryRows, never()).save(any());
    }

    @Test
    void atMostFiveOtpsADayPerRequest() {
        arranged();
        clock.advance(Duration.ofHours(2));
        Instant now = NOW.plus(Duration.ofHours(2));
        when(deliveryRows.sentToRequestSince(eq(42L), eq(SmsTemplates.DELIVERY_OTP), eq(now.minus(Duration.ofDays(1)))))
                .thenReturn(List.of(NOW.minusSeconds(3600), NOW, NOW.plusSeconds(60), NOW.plusSeconds(120),
                        NOW.plusSeconds(180)));
        clearInvocations(sms);

        assertThatThrownBy(() -> deliveries.resendOtp(NUMBER, "sunita", false))
                .isInstanceOfSatisfying(OtpLimitReached.class, limit -> {
                    assertThat(limit.getMessage()).contains("5 OTPs in the last 24 hours")
                            .endsWith(" / अभी नया OTP नहीं भेजा जा सकता; दिए गए समय के बाद फिर माँगें।");
                    // the oldest of the five leaves the window 24 hours after it was sent
                    assertThat(limit.retryAfter()).isEqualTo(Duration.ofHours(21));
                });
        verifyNoInteractions(sms);
    }

    @Test
    void atMostThirtyOtpsAnHourForTheDeliveriesOfOneMitan() {
        arranged();
        clock.advance(Duration.ofMinutes(5));
        List<Instant> thirty = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> NOW.minusSeconds(60).plusSeconds(i)).toList();
        when(deliveryRows.sentForMitanSince(eq("mitan-sunita"), eq(SmsTemplates.DELIVERY_OTP), any()))
                .thenReturn(thirty);
        clearInvocations(sms);

        assertThatThrownBy(() -> deliveries.resendOtp(NUMBER, "sunita", false))
                .isInstanceOfSatisfying(OtpLimitReached.class, limit -> assertThat(limit.getMessage())
                        .contains("Mitan mitan-sunita have had 30 OTPs in the last hour")
                        .endsWith(" / अभी नया OTP नहीं भेजा जा सकता; दिए गए समय के बाद फिर माँगें।"));
        verifyNoInteractions(sms);
    }

    /** 30 wrong guesses used to send 10 new OTPs: now two new ones, then the delivery is locked. */
    @Test
    void afterThreeRoundsOfWrongOtpsTheDeliveryIsLockedUntilASupervisorSendsANewOne() {
        String otp = arranged();
        for (int round = 1; round <= 3; round++) {
            String current = otpsSent().get(otpsSent().size() - 1);
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThatThrownBy(() -> deliveries.confirm(NUMBER, wrongFor(current), "sunita"))
                        .isInstanceOf(WrongOtpException.class);
            }
        }

        assertThat(otpsSent()).hasSize(3);
        assertThat(stored.isLocked()).isTrue();
        verify(requests).record(eq(request), eq(Deliveries.LOCKED), eq("sunita"), anyString());
        String last = otpsSent().get(2);
        assertThatThrownBy(() -> deliveries.confirm(NUMBER, last, "sunita"))
                .isInstanceOf(WrongOtpException.class).hasMessageContaining("locked")
                .hasMessageEndingWith(" / बहुत बार गलत OTP: वितरण रुका है। पर्यवेक्षक नागरिक से बात करके नया OTP"
                        + " भेजेंगे।");
        for (int more = 0; more < 20; more++) {
            assertThatThrownBy(() -> deliveries.confirm(NUMBER, wrongFor(otp), "sunita"))
                    .hasMessageContaining("locked");
        }
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> deliveries.resendOtp(NUMBER, "sunita", false))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.getKind())
                        .isEqualTo(Refusal.Kind.CONFLICT)).hasMessageContaining("A supervisor must check");
        assertThat(otpsSent()).hasSize(3);

        deliveries.resendOtp(NUMBER, "supervisor1", true);

        assertThat(stored.isLocked()).isFalse();
        assertThat(stored.getWrongRounds()).isZero();
        verify(requests).record(eq(request), eq(Deliveries.UNLOCKED), eq("supervisor1"), anyString());
        assertThat(deliveries.confirm(NUMBER, otpsSent().get(3), "sunita").isDelivered()).isTrue();
    }

    @Test
    void whenNoNewOtpMaySendAfterARoundTheOldOneStillStopsWorking() {
        String otp = arranged();
        when(deliveryRows.sentToRequestSince(eq(42L), eq(SmsTemplates.DELIVERY_OTP), any()))
                .thenReturn(List.of(NOW, NOW, NOW, NOW, NOW));
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> deliveries.confirm(NUMBER, wrongFor(otp), "sunita"))
                    .isInstanceOf(WrongOtpException.class);
        }

        assertThatThrownBy(() -> deliveries.confirm(NUMBER, wrongFor(otp), "sunita"))
                .hasMessageStartingWith("Too many wrong OTPs: this OTP no longer works, and no new one can be sent");
        assertThat(otpsSent()).hasSize(1);
        assertThatThrownBy(() -> deliveries.confirm(NUMBER, otp, "sunita"))
                .isInstanceOf(WrongOtpException.class).hasMessageContaining("no longer works");
        assertThat(stored.getFailedAttempts()).isEqualTo(3);
    }

    @Test
    void aDeliveryNotYetMadeFollowsItsRequestToTheMitanItWasHandedToAndAMadeOneStaysAsItWas() {
        Delivery open = new Delivery(41L, "mitan.raipur", "hash", NOW);
        Delivery made = new Delivery(42L, "mitan.raipur", "hash", NOW);
        made.markDelivered("mitan.raipur", NOW);
        when(deliveryRows.findByRequestId(41L)).thenReturn(Optional.of(open));
        when(deliveryRows.findByRequestId(42L)).thenReturn(Optional.of(made));

        deliveries.follow(new MitanHandedOver(41L, "RPR-2026-000041", "mitan.raipur", "mitan.raipur2"));
        deliveries.follow(new MitanHandedOver(42L, "RPR-2026-000042", "mitan.raipur", "mitan.raipur2"));

        assertThat(open.getMitanUserId()).isEqualTo("mitan.raipur2");
        verify(deliveryRows).save(open);
        assertThat(made.getMitanUserId()).isEqualTo("mitan.raipur");
        verify(deliveryRows, never()).save(made);
    }
}
