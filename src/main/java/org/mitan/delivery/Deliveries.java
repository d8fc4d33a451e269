package org.mitan.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.mitan.intake.RequestStatus;
import org.mitan.intake.Requests;
import org.mitan.intake.ServiceRequest;
import org.mitan.mitan.Mitan;
import org.mitan.mitan.MitanRepository;
import org.mitan.notification.SmsMessageRepository;
import org.mitan.notification.SmsParameters;
import org.mitan.notification.SmsService;
import org.mitan.process.SmsTemplates;
import org.mitan.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Home delivery of a certificate: the citizen gets a one-time password by SMS and tells it to the Mitan when the
 * certificate is in their hand; the Mitan's task completes only with that OTP. Wrong OTPs are counted even though
 * the task completion fails, and after {@code mitan.delivery.otp-max-attempts} of them the OTP is replaced.
 */
@Service
class Deliveries {

    static final String OTP_REPLACED = "DELIVERY_OTP_REPLACED";
    static final String OTP_RESENT = "DELIVERY_OTP_RESENT";

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final DeliveryRepository deliveries;
    private final Requests requests;
    private final MitanRepository mitans;
    private final SmsService sms;
    private final SmsMessageRepository outbox;
    private final Otps otps;
    private final TransactionTemplate separateTransaction;
    private final Clock clock;
    private final int maxAttempts;

    Deliveries(DeliveryRepository deliveries, Requests requests, MitanRepository mitans, SmsService sms,
            SmsMessageRepository outbox, Otps otps, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${mitan.delivery.otp-max-attempts}") int maxAttempts) {
        this.deliveries = deliveries;
        this.requests = requests;
        this.mitans = mitans;
        this.sms = sms;
        this.outbox = outbox;
        this.otps = otps;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mitan.delivery.otp-max-attempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    /**
     * Creates the delivery with a fresh OTP sent to the citizen, and moves the request to OUT_FOR_DELIVERY.
     * Run again (after a crash, a retry) it reuses the delivery and sends no second OTP, unless none was sent.
     *
     * @param mitanUserId who brings the certificate; {@code null}: the request's assigned Mitan
     */
    @Transactional
    public Delivery arrange(String requestNumber, String mitanUserId) {
        ServiceRequest request = requests.require(requestNumber);
        String deliverer = mitanUserId != null ? mitanUserId : assignedMitan(request).getUserId();
        Delivery delivery = deliveries.findByRequestId(request.getId()).orElse(null);
        if (delivery == null) {
            String otp = otps.generate();
            delivery = deliveries.save(new Delivery(request.getId(), deliverer, otps.hash(otp), now()));
            sendOtp(request, otp);
        } else if (delivery.isDelivered()) {
            return delivery;
        } else {
            delivery.setMitanUserId(deliverer);
            if (!outbox.existsByRequestIdAndTemplate(request.getId(), SmsTemplates.DELIVERY_OTP)) {
                String otp = otps.generate();
                delivery.replaceOtp(otps.hash(otp), now());
                sendOtp(request, otp);
            }
            delivery = deliveries.save(delivery);
        }
        if (request.getStatus() != RequestStatus.OUT_FOR_DELIVERY && request.getStatus().isOpen()) {
            requests.advance(request, RequestStatus.OUT_FOR_DELIVERY, null, "Out for delivery with " + deliverer);
        }
        return delivery;
    }

    /**
     * Completes the hand-over with the OTP the citizen told the Mitan. A wrong OTP is counted in a separate
     * transaction (it stays counted when the caller's transaction rolls back) and refused with a
     * {@link WrongOtpException} saying how many attempts are left, or that a new OTP was sent.
     */
    @Transactional
    public Delivery confirm(String requestNumber, String typedOtp, String deliveredBy) {
        String otp = typedOtp == null ? "" : typedOtp.replaceAll("\\s", "");
        if (otp.isEmpty()) {
            throw new WrongOtpException("Enter the OTP the citizen received by SMS.");
        }
        ServiceRequest request = requests.require(requestNumber);
        Delivery delivery = deliveries.findByRequestId(request.getId()).orElseThrow(() -> new IllegalStateException(
                "No delivery has been arranged for request " + requestNumber));
        if (delivery.isDelivered()) {
            return delivery;
        }
        if (!otps.matches(otp, delivery.getOtpHash())) {
            Long deliveryId = delivery.getId();
            String message = separateTransaction.execute(status -> countWrongOtp(deliveryId, requestNumber,
                    deliveredBy));
            throw new WrongOtpException(message);
        }
        delivery.markDelivered(deliveredBy, now());
        delivery = deliveries.save(delivery);
        requests.advance(request, RequestStatus.DELIVERED, deliveredBy, "Certificate handed over with the OTP");
        sms.toCitizen(request, SmsTemplates.DELIVERED, Map.of());
        return delivery;
    }

    /** A fresh OTP for the citizen (the old one stops working, attempts start again). */
    @Transactional
    public Delivery resendOtp(String requestNumber, String actor) {
        ServiceRequest request = requests.require(requestNumber);
        Delivery delivery = deliveries.findByRequestId(request.getId()).orElseThrow(() -> ApiException.conflict(
                "The delivery of request " + requestNumber + " has not been arranged yet.", Map.of()));
        if (delivery.isDelivered()) {
            throw ApiException.conflict("The certificate of request " + requestNumber
                    + " has already been delivered.", Map.of("deliveredAt", delivery.getDeliveredAt()));
        }
        replaceOtp(request, delivery);
        requests.record(request, OTP_RESENT, actor, "New delivery OTP sent to the citizen");
        return deliveries.save(delivery);
    }

    private String countWrongOtp(Long deliveryId, String requestNumber, String actor) {
        Delivery delivery = deliveries.findById(deliveryId).orElseThrow();
        delivery.recordFailedAttempt();
        if (delivery.getFailedAttempts() >= maxAttempts) {
            ServiceRequest request = requests.require(requestNumber);
            replaceOtp(request, delivery);
            deliveries.save(delivery);
            requests.record(request, OTP_REPLACED, actor, maxAttempts + " wrong OTPs; a new OTP was sent");
            log.info("Request {}: {} wrong delivery OTPs, a new OTP was sent", requestNumber, maxAttempts);
            return "Too many wrong OTPs: a new OTP has been sent to the citizen's phone.";
        }
        deliveries.save(delivery);
        int left = maxAttempts - delivery.getFailedAttempts();
        log.info("Request {}: wrong delivery OTP, {} attempt(s) left", requestNumber, left);
        return "The OTP does not match. " + left + " attempt(s) left.";
    }

    private void replaceOtp(ServiceRequest request, Delivery delivery) {
        String otp = otps.generate();
        delivery.replaceOtp(otps.hash(otp), now());
        sendOtp(request, otp);
    }

    /** The OTP goes only into the SMS; the outbox adds the rest of the text's values. */
    private void sendOtp(ServiceRequest request, String otp) {
        sms.toCitizen(request, SmsTemplates.DELIVERY_OTP, Map.of(SmsParameters.OTP, otp));
    }

    private Mitan assignedMitan(ServiceRequest request) {
        if (request.getMitanId() == null) {
            throw new IllegalStateException("Request " + request.getRequestNumber() + " has no Mitan to deliver it");
        }
        return mitans.findById(request.getMitanId()).orElseThrow(() -> new IllegalStateException(
                "Mitan " + request.getMitanId() + " of request " + request.getRequestNumber() + " does not exist"));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
