package org.mitan.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.Fee;
import org.mitan.failure.Refusal;
import org.mitan.mitan.RequestAccess;
import org.mitan.process.SmsTemplates;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsService;
import org.mitan.text.Digits;
import org.mitan.text.Excerpt;
import org.mitan.web.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fees the Mitan collects at the citizen's door (the Mitan service fee every type charges, Rs 50 in the scheme's
 * reports): in cash, or by UPI with the transaction's 12-digit reference (UTR) from the citizen's phone. Only the
 * Mitan assigned to the request records it, once per request and fee; the amount is the type's {@code <key>-fees}
 * row, never typed. The record is a paid {@link Payment} (gateway {@value #DOORSTEP}) with a receipt number, a
 * milestone and an SMS with the receipt, so the request's money reads the same whether paid at the door or online.
 */
@Service
class DoorstepFees {

    static final String DOORSTEP = "DOORSTEP";
    private static final Pattern UPI_REFERENCE = Pattern.compile("\\d{12}");

    private final PaymentRepository payments;
    private final Catalogue catalogue;
    private final Requests requests;
    private final ServiceRequestRepository requestRows;
    private final RequestAccess access;
    private final SmsService sms;
    private final Clock clock;

    DoorstepFees(PaymentRepository payments, Catalogue catalogue, Requests requests,
            ServiceRequestRepository requestRows, RequestAccess access, SmsService sms, Clock clock) {
        this.payments = payments;
        this.catalogue = catalogue;
        this.requests = requests;
        this.requestRows = requestRows;
        this.access = access;
        this.sms = sms;
        this.clock = clock;
    }

    /** How the citizen paid at the door: {@code CASH}, or {@code UPI} with the transaction's reference. */
    record Collected(String mode, String upiReference) {
    }

    /** A fee recorded: the payment, and whether this call recorded it (false: it was recorded before). */
    record Recorded(Payment payment, boolean created) {
    }

    /**
     * Records that the citizen paid the fee to the request's Mitan. A fee already paid (at the door or online) is
     * answered as it was recorded and changes nothing; none is taken for a request that is closed (delivered,
     * rejected or cancelled).
     */
    @Transactional
    Recorded collect(String requestNumber, String feeCode, Collected collected, Caller caller) {
        requests.require(requestNumber);
        // Locked: two taps of the Mitan's button at once record the fee once.
        ServiceRequest request = requestRows.lockByRequestNumber(requestNumber).orElseThrow();
        access.checkMayKnowOf(caller, request);
        if (!access.isAssignedMitan(caller, request)) {
            throw Refusal.notAllowed("Only the Mitan assigned to request " + requestNumber
                    + " records the fees paid at the door. / घर पर दिया गया शुल्क केवल इस आवेदन के लिए नियुक्त मितान"
                    + " दर्ज करते हैं।");
        }
        Fee fee = catalogue.require(request.getCertificateType()).fee(feeCode).orElseThrow(() -> Refusal.notFound(
                "Certificate type " + request.getCertificateType() + " has no fee " + Excerpt.quoted(feeCode)
                        + " paid at the door; its fees are in the table " + request.getCertificateType() + "-fees."
                        + " / यह शुल्क इस प्रमाण पत्र के लिए घर पर नहीं लिया जाता।"));
        String reference = reference(requestNumber, feeCode, collected);
        Optional<Payment> earlier = payments.findByRequestIdAndFeeCode(request.getId(), feeCode);
        if (earlier.filter(payment -> payment.getStatus() == PaymentStatus.PAID).isPresent()) {
            return new Recorded(earlier.get(), false);
        }
        if (!request.getStatus().isOpen()) {
            throw Refusal.conflict("Request " + requestNumber + " is closed (" + request.getStatus() + "): no fee is"
                    + " taken for it, and the citizen owes nothing. Give back what was paid. / यह आवेदन बंद है; इसका"
                    + " कोई शुल्क नहीं लिया जाता।", Map.of());
        }
        if (earlier.isPresent()) {
            throw Refusal.conflict("The " + fee.names().en() + " of request " + requestNumber
                    + " was ordered online and is awaited there; it is not taken at the door. / यह शुल्क ऑनलाइन माँगा"
                    + " गया है और वहीं जमा होगा; घर पर न लें।", Map.of());
        }
        payments.findByGatewayAndGatewayReference(DOORSTEP, reference).ifPresent(other -> {
            throw Refusal.conflict("UPI reference " + collected.upiReference().strip() + " is already recorded for"
                    + " another fee. Check the reference on the citizen's phone. / यह UPI लेन-देन संख्या पहले ही किसी"
                    + " दूसरे शुल्क में दर्ज है; नागरिक के फ़ोन पर संख्या जाँचें।", Map.of());
        });
        Instant now = Instant.now(clock);
        FeeDue due = new FeeDue(feeCode, fee.rupees(), fee.names().en(), fee.names().hi());
        Payment payment = new Payment(request.getId(), due, Payments.idempotencyKey(requestNumber, feeCode), DOORSTEP,
                new PaymentOrder(reference, null), now);
        payment.markPaid(receiptNumber(requestNumber, feeCode), now);
        payments.save(payment);
        requests.record(request, "FEE_PAID", caller.userId(), fee.names().en() + " Rs " + fee.rupees() + " at the door ("
                + reference.substring(0, reference.indexOf(':')) + "), receipt " + payment.getReceiptNumber());
        sms.toCitizen(request, SmsTemplates.PAYMENT_RECEIVED, Map.of(
                "feeName", "hi".equals(request.getLanguage()) ? fee.names().hi() : fee.names().en(),
                "rupees", fee.rupees(), "receiptNumber", payment.getReceiptNumber(), "payUrl", "-"));
        return new Recorded(payment, true);
    }

    /** The request's money: each fee recorded (ordered, or paid with its receipt), then the Mitan service fee if due. */
    @Transactional(readOnly = true)
    List<Payment> of(String requestNumber, Caller caller) {
        ServiceRequest request = requests.require(requestNumber);
        access.checkMaySee(caller, request);
        return payments.findByRequestIdOrderByIdAsc(request.getId());
    }

    /** The Mitan service fee as the type's table prices it, when it is not recorded yet. */
    @Transactional(readOnly = true)
    Optional<Fee> serviceFeeDue(String requestNumber, List<Payment> recorded) {
        ServiceRequest request = requests.require(requestNumber);
        if (recorded.stream().anyMatch(payment -> Fee.MITAN_SERVICE.equals(payment.getFeeCode()))) {
            return Optional.empty();
        }
        return catalogue.require(request.getCertificateType()).fee(Fee.MITAN_SERVICE);
    }

    private static String reference(String requestNumber, String feeCode, Collected collected) {
        Map<String, String> wrong = new LinkedHashMap<>();
        String mode = collected == null || collected.mode() == null ? "" : collected.mode().strip()
                .toUpperCase(Locale.ROOT);
        String upi = collected == null || collected.upiReference() == null ? ""
                : Digits.latin(collected.upiReference().strip());
        switch (mode) {
            case "CASH" -> {
                if (!upi.isEmpty()) {
                    wrong.put("upiReference", "is only for a UPI payment; leave it empty for cash / नकद के लिए UPI"
                            + " संख्या न लिखें");
                }
            }
            case "UPI" -> {
                if (!UPI_REFERENCE.matcher(upi).matches()) {
                    wrong.put("upiReference", "must be the 12-digit UPI transaction reference (UTR) shown on the"
                            + " citizen's phone / नागरिक के फ़ोन पर दिखी 12 अंकों की UPI लेन-देन संख्या लिखें");
                }
            }
            default -> wrong.put("mode", "must be CASH or UPI / नकद या UPI चुनें");
        }
        if (!wrong.isEmpty()) {
            throw Refusal.invalid(wrong);
        }
        return "CASH".equals(mode) ? "CASH:" + requestNumber + ":" + feeCode : "UPI:" + upi;
    }

    /** The receipt of a fee paid at the door: one per request and fee, e.g. {@code RPR-2026-000042/mitan-service}. */
    static String receiptNumber(String requestNumber, String feeCode) {
        return requestNumber + "/" + feeCode;
    }
}
