package org.mitan.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.mitan.failure.Refusal;
import org.mitan.process.EngineCalls;
import org.mitan.process.ProcessVariables;
import org.mitan.process.SmsTemplates;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fees paid online before a decision, for any type whose model calls the shared step {@code fee-payment}: asked for
 * once per request and fee (the gateway gets the idempotency key {@code <request number>:<fee code>}, so a retried
 * step never orders twice), and confirmed by the gateway's signed callback, which stores the receipt, tells the
 * citizen by SMS and correlates the message {@value #PAYMENT_RECEIVED} to the step waiting for that fee. A repeated
 * callback changes nothing.
 */
@Service
public class Payments {

    /** The message the shared step {@code fee-payment} waits for. */
    static final String PAYMENT_RECEIVED = "PaymentReceived";
    static final String ACTOR = "payment-gateway";

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final ServiceRequestRepository requestRows;
    private final Requests requests;
    private final SmsService sms;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;
    private final String publicBaseUrl;

    Payments(PaymentRepository payments, PaymentGateway gateway, ServiceRequestRepository requestRows,
            Requests requests, SmsService sms, RuntimeService runtime, IdentityService identity, Clock clock,
            @Value("${mitan.public-base-url}") String publicBaseUrl) {
        this.payments = payments;
        this.gateway = gateway;
        this.requestRows = requestRows;
        this.requests = requests;
        this.sms = sms;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
    }

    static String idempotencyKey(String requestNumber, String feeCode) {
        return requestNumber + ":" + feeCode;
    }

    /**
     * The request's payment of the fee: the one asked for before, or a new order at the gateway, recorded, with an
     * SMS to the citizen naming the fee, the amount and where to pay.
     */
    @Transactional
    Payment ask(ServiceRequest request, FeeDue fee) {
        var earlier = payments.findByRequestIdAndFeeCode(request.getId(), fee.code());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String key = idempotencyKey(request.getRequestNumber(), fee.code());
        PaymentOrder order = gateway.order(key, request.getRequestNumber(), fee, request.getCitizenPhone());
        Payment payment = payments.save(new Payment(request.getId(), fee, key, gateway.name(), order,
                Instant.now(clock)));
        requests.record(request, "FEE_DUE", ACTOR, fee.label() + " Rs " + fee.rupees() + " ordered as "
                + order.reference());
        sms.toCitizen(request, SmsTemplates.PAYMENT_DUE, smsValues(request, payment));
        return payment;
    }

    /** Reminds the citizen of an unpaid fee, or tells them the request closed without it. */
    @Transactional
    void tell(ServiceRequest request, String feeCode, String template) {
        Payment payment = payments.findByRequestIdAndFeeCode(request.getId(), feeCode).orElseThrow(() ->
                new IllegalStateException("Request " + request.getRequestNumber() + " was never asked to pay "
                        + feeCode));
        sms.toCitizen(request, template, smsValues(request, payment));
    }

    /** Whether the request has paid the fee. */
    @Transactional(readOnly = true)
    boolean paid(ServiceRequest request, String feeCode) {
        return payments.findByRequestIdAndFeeCode(request.getId(), feeCode)
                .filter(payment -> payment.getStatus() == PaymentStatus.PAID).isPresent();
    }

    /**
     * The gateway says a payment was made: stores the receipt and moves the waiting step on, once. A callback for a
     * payment already paid changes nothing.
     *
     * @return whether this callback recorded the payment (false: it was recorded before)
     */
    @Transactional
    boolean confirm(Callback callback) {
        Payment payment = payments.findByGatewayAndGatewayReference(gateway.name(), callback.paymentId())
                .orElseThrow(() -> Refusal.notFound("No payment has the id " + callback.paymentId() + "."));
        if (payment.getRupees() * 100L != callback.amountPaise()) {
            throw Refusal.invalid(Map.of("amount", "is " + callback.amountPaise() + " paise, but payment "
                    + callback.paymentId() + " is for " + payment.getRupees() * 100L + " paise"));
        }
        if (!payment.markPaid(callback.receiptNumber(), Instant.now(clock))) {
            log.info("Payment {} was already recorded as paid (receipt {}); repeated callback ignored",
                    callback.paymentId(), payment.getReceiptNumber());
            return false;
        }
        payments.save(payment);
        ServiceRequest request = requestRows.findById(payment.getRequestId()).orElseThrow();
        requests.record(request, "FEE_PAID", ACTOR, payment.getLabel() + " Rs " + payment.getRupees()
                + ", receipt " + payment.getReceiptNumber());
        sms.toCitizen(request, SmsTemplates.PAYMENT_RECEIVED, smsValues(request, payment));
        // Asked first, not caught afterwards: a failed correlation would mark the whole transaction for rollback.
        boolean waiting = EngineCalls.withoutAuthentication(identity, () -> runtime.createExecutionQuery()
                .messageEventSubscriptionName(PAYMENT_RECEIVED)
                .processInstanceBusinessKey(request.getRequestNumber())
                .processVariableValueEquals(ProcessVariables.PAYMENT_FEE, payment.getFeeCode())
                .count() > 0);
        if (waiting) {
            EngineCalls.withoutAuthentication(identity, () -> runtime.createMessageCorrelation(PAYMENT_RECEIVED)
                    .processInstanceBusinessKey(request.getRequestNumber())
                    .processInstanceVariableEquals(ProcessVariables.PAYMENT_FEE, payment.getFeeCode())
                    .setVariable(ProcessVariables.PAYMENT_OUTCOME, PaymentOutcome.PAID)
                    .setVariable(ProcessVariables.PAYMENT_RECEIPT, payment.getReceiptNumber())
                    .correlateWithResult());
        } else {
            // Paid after the request closed: the money is recorded for the office to refund or reopen.
            log.warn("Payment {} of request {} arrived when no step waited for it", callback.paymentId(),
                    request.getRequestNumber());
            requests.record(request, "FEE_PAID_LATE", ACTOR, "No step waited for the payment "
                    + callback.paymentId() + ": the request had moved on or closed");
        }
        return true;
    }

    /** The request's paid fees, oldest first: for the certificate and for auditors. */
    @Transactional(readOnly = true)
    public List<Receipt> receiptsOf(Long requestId) {
        return payments.findByRequestIdOrderByIdAsc(requestId).stream()
                .filter(payment -> payment.getStatus() == PaymentStatus.PAID)
                .map(payment -> new Receipt(payment.getFeeCode(), payment.getRupees(), payment.getLabel(),
                        payment.getLabelHi(), payment.getReceiptNumber(), payment.getPaidAt()))
                .toList();
    }

    /**
     * Every fee of the request that was ordered at the gateway or collected at the door, oldest first, paid or not:
     * for the citizen's status page, which the payment SMS points to.
     */
    @Transactional(readOnly = true)
    public List<Ordered> orderedFor(Long requestId) {
        return payments.findByRequestIdOrderByIdAsc(requestId).stream()
                .map(payment -> new Ordered(payment.getFeeCode(), payment.getRupees(), payment.getLabel(),
                        payment.getLabelHi(), payment.getStatus() == PaymentStatus.PAID, payment.getReceiptNumber(),
                        payment.getPayUrl()))
                .toList();
    }

    private Map<String, Object> smsValues(ServiceRequest request, Payment payment) {
        String payUrl = payment.getPayUrl() != null ? payment.getPayUrl()
                : publicBaseUrl + "/status/" + request.getStatusCode();
        return Map.of(
                "feeName", "hi".equals(request.getLanguage()) ? payment.getLabelHi() : payment.getLabel(),
                "rupees", payment.getRupees(),
                "payUrl", payUrl,
                "receiptNumber", payment.getReceiptNumber() == null ? "-" : payment.getReceiptNumber());
    }

    /** What the gateway's callback says: its payment id, the amount in paise and its receipt number. */
    record Callback(String paymentId, long amountPaise, String receiptNumber) {
    }

    /**
     * A fee asked of the citizen: what it is, how much, whether it is paid (then its receipt), and the gateway's page
     * to pay it on, when the gateway gave one (the local gateway gives none).
     */
    public record Ordered(String feeCode, int rupees, String label, String labelHi, boolean paid, String receiptNumber,
            String payUrl) {
    }

    /** A fee paid: what it was, how much, the receipt and when. */
    public record Receipt(String feeCode, int rupees, String label, String labelHi, String receiptNumber,
            Instant paidAt) {
    }
}
