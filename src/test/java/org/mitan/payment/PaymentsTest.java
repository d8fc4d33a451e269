package org.mitan.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.sms.SmsService;
import org.springframework.test.util.ReflectionTestUtils;

/** Asking for a fee once, and the gateway's callback recorded once, moving the waiting step only when one waits. */
class PaymentsTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final FeeDue FEE = new FeeDue("government-fee", 500, "Government registration fee", "सरकारी पंजीयन शुल्क");

    private final PaymentRepository rows = mock(PaymentRepository.class);
    private final PaymentGateway gateway = mock(PaymentGateway.class);
    private final ServiceRequestRepository requestRows = mock(ServiceRequestRepository.class);
    private final Requests requests = mock(Requests.class);
    private final SmsService sms = mock(SmsService.class);
    private final RuntimeService runtime = mock(RuntimeService.class);
    private final ExecutionQuery waiting = mock(ExecutionQuery.class, RETURNS_SELF);
    private final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
    private final Payments payments = new Payments(rows, gateway, requestRows, requests, sms, runtime,
            mock(IdentityService.class), Clock.fixed(NOW, ZoneOffset.UTC), "https://mitan.example/");
    private final ServiceRequest request = new ServiceRequest("RPR-2026-000042", "gumasta-licence", "RPR", 12,
            "Ramesh Sahu", "9876543210", "Shop 4", VisitWindow.MORNING, "hi", "feedback-code", NOW);

    @BeforeEach
    void setUp() {
        ReflectionTestUtils.setField(request, "id", 42L);
        when(gateway.name()).thenReturn("http");
        when(rows.save(any())).thenAnswer(invocation -> invocation.getArgument(0));
        when(requestRows.findById(42L)).thenReturn(Optional.of(request));
        when(runtime.createExecutionQuery()).thenReturn(waiting);
        when(runtime.createMessageCorrelation(Payments.PAYMENT_RECEIVED)).thenReturn(correlation);
    }

    @Test
    void aFeeIsOrderedWithTheRequestNumberAndFeeAsKeyAndTheCitizenToldInTheirLanguage() {
        when(gateway.order("RPR-2026-000042:government-fee", "RPR-2026-000042", FEE, "9876543210"))
                .thenReturn(new PaymentOrder("pay_1", "https://pay.example/p/1"));

        Payment payment = payments.ask(request, FEE);

        assertThat(payment.getIdempotencyKey()).isEqualTo("RPR-2026-000042:government-fee");
        assertThat(payment.getGatewayReference()).isEqualTo("pay_1");
        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
        verify(sms).toCitizen(request, "PAYMENT_DUE", Map.of("feeName", "सरकारी पंजीयन शुल्क", "rupees", 500,
                "payUrl", "https://pay.example/p/1", "receiptNumber", "-"));
    }

    @Test
    void aFeeAskedForBeforeIsNotOrderedAgain() {
        Payment earlier = paymentOf(new PaymentOrder("pay_1", null));
        when(rows.findByRequestIdAndFeeCode(42L, "government-fee")).thenReturn(Optional.of(earlier));

        assertThat(payments.ask(request, FEE)).isSameAs(earlier);

        verify(gateway, never()).order(anyString(), anyString(), any(), anyString());
        verifyNoInteractions(sms);
    }

    @Test
    void withoutAPayLinkTheSmsPointsToTheStatusPage() {
        when(gateway.order(anyString(), anyString(), any(), anyString())).thenReturn(new PaymentOrder("local-1", null));

        payments.ask(request, FEE);

        verify(sms).toCitizen(eq(request), eq("PAYMENT_DUE"), eq(Map.of("feeName", "सरकारी पंजीयन शुल्क",
                "rupees", 500, "payUrl", "https://mitan.example/status/" + request.getStatusCode(),
                "receiptNumber", "-")));
    }

    @Test
    void aPaymentCallbackRecordsTheReceiptTellsTheCitizenAndMovesTheWaitingStep() {
        Payment payment = pending();
        when(waiting.count()).thenReturn(1L);

        assertThat(payments.confirm(new Payments.Callback("pay_1", 50_000, "RCPT-1"))).isTrue();

        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(payment.getReceiptNumber()).isEqualTo("RCPT-1");
        assertThat(payment.getPaidAt()).isEqualTo(NOW);
        verify(waiting).processInstanceBusinessKey("RPR-2026-000042");
        verify(waiting).processVariableValueEquals("paymentFee", "government-fee");
        verify(correlation).processInstanceVariableEquals("paymentFee", "government-fee");
        verify(correlation).setVariable("paymentOutcome", "paid");
        verify(correlation).setVariable("paymentReceipt", "RCPT-1");
        verify(correlation).correlateWithResult();
        verify(sms).toCitizen(eq(request), eq("PAYMENT_RECEIVED"), anyMap());
        verify(requests).record(eq(request), eq("FEE_PAID"), anyString(), anyString());
    }

    @Test
    void aRepeatedCallbackChangesNothing() {
        Payment payment = pending();
        payment.markPaid("RCPT-1", NOW);

        assertThat(payments.confirm(new Payments.Callback("pay_1", 50_000, "RCPT-2"))).isFalse();

        assertThat(payment.getReceiptNumber()).isEqualTo("RCPT-1");
        verify(rows, never()).save(any());
        verifyNoInteractions(sms, requests);
        verify(runtime, never()).createMessageCorrelation(anyString());
    }

    @Test
    void anotherAmountOrAnUnknownPaymentIsRefusedAndNothingChanges() {
        Payment payment = pending();

        assertThatThrownBy(() -> payments.confirm(new Payments.Callback("pay_1", 100, "RCPT-1")))
                .isInstanceOf(Refusal.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> payments.confirm(new Payments.Callback("pay_9", 50_000, "RCPT-1")))
                .isInstanceOf(Refusal.class)
                .satisfies(refusal -> assertThat(((Refusal) refusal).getKind()).isEqualTo(Refusal.Kind.NOT_FOUND));

        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
        verifyNoInteractions(sms);
    }

    @Test
    void aPaymentNoStepWaitsForIsKeptAndMarkedLateWithoutCorrelating() {
        Payment payment = pending();
        when(waiting.count()).thenReturn(0L);

        assertThat(payments.confirm(new Payments.Callback("pay_1", 50_000, "RCPT-1"))).isTrue();

        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PAID);
        verify(runtime, never()).createMessageCorrelation(anyString());
        verify(requests).record(eq(request), eq("FEE_PAID_LATE"), anyString(), anyString());
    }

    @Test
    void onlyPaidFeesAreReceipts() {
        Payment paid = paymentOf(new PaymentOrder("pay_1", null));
        paid.markPaid("RCPT-1", NOW);
        when(rows.findByRequestIdOrderByIdAsc(42L)).thenReturn(List.of(paid, paymentOf(new PaymentOrder("p2", null))));

        assertThat(payments.receiptsOf(42L)).containsExactly(new Payments.Receipt("government-fee", 500,
                "Government registration fee", "सरकारी पंजीयन शुल्क", "RCPT-1", NOW));
    }

    private Payment pending() {
        Payment payment = paymentOf(new PaymentOrder("pay_1", null));
        when(rows.findByGatewayAndGatewayReference("http", "pay_1")).thenReturn(Optional.of(payment));
        return payment;
    }

    private static Payment paymentOf(PaymentOrder order) {
        return new Payment(42L, FEE, "RPR-2026-000042:government-fee", "http", order, NOW);
    }
}
