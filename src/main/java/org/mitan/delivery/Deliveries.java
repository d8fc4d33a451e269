package org.mitan.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mitan.failure.Refusal;
import org.mitan.mitan.Mitan;
import org.mitan.mitan.MitanHandover.MitanHandedOver;
import org.mitan.mitan.MitanRepository;
import org.mitan.process.SmsTemplates;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.sms.SmsMessageRepository;
import org.mitan.sms.SmsService;
import org.mitan.sms.SmsValues;
import org.mitan.text.Digits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Home delivery of a certificate: the citizen gets a one-time password by SMS and tells it to the Mitan when the
 * certificate is in their hand; the Mitan's task completes only with that OTP. Wrong OTPs are counted even though
 * the task completion fails; after {@code mitan.delivery.otp-max-attempts} of them the OTP stops working and a new
 * one is sent, within the limits of {@link OtpLimits}; after {@code otp-max-rounds} such rounds the delivery is
 * locked until a supervisor sends the next OTP.
 */
@Service
class Deliveries {

    static final String OTP_REPLACED = "DELIVERY_OTP_REPLACED";
    static final String OTP_RESENT = "DELIVERY_OTP_RESENT";
    static final String LOCKED = "DELIVERY_LOCKED";
    /** A locked delivery, in Hindi, after the English of each refusal that says so. */
    private static final String LOCKED_IN_HINDI = "बहुत बार गलत OTP: वितरण रुका है। पर्यवेक्षक नागरिक से बात करके"
            + " नया OTP भेजेंगे।";
    /** A limit on OTPs reached, in Hindi: nothing was sent. */
    private static final String NO_OTP_YET_IN_HINDI = "अभी नया OTP नहीं भेजा जा सकता; दिए गए समय के बाद फिर माँगें।";
    static final String UNLOCKED = "DELIVERY_UNLOCKED";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Asia/Kolkata"));

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final DeliveryRepository deliveries;
    private final Requests requests;
    private final MitanRepository mitans;
    private final SmsService sms;
    private final SmsMessageRepository outbox;
    private final Otps otps;
    private final TransactionTemplate separateTransaction;
    private final Clock clock;
    private final OtpLimits limits;
    private final int maxAttempts;

    Deliveries(DeliveryRepository deliveries, Requests requests, MitanRepository mitans, SmsService sms,
            SmsMessageRepository outbox, Otps otps, PlatformTransactionManager transactionManager, Clock clock,
            OtpLimits limits) {
        this.deliveries = deliveries;
        this.requests = requests;
        this.mitans = mitans;
        this.sms = sms;
        this.outbox = outbox;
        this.otps = otps;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.limits = limits;
        this.maxAttempts = limits.maxAttempts();
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
     * A delivery not yet made follows its request to the Mitan it was handed to (the delivery task given to another
     * Mitan): the photos and the OTP limits are theirs from then on.
     */
    @EventListener
    @Transactional
    public void follow(MitanHandedOver handover) {
        deliveries.findByRequestId(handover.requestId()).filter(delivery -> !delivery.isDelivered())
                .ifPresent(delivery -> {
                    delivery.setMitanUserId(handover.toUserId());
                    deliveries.save(delivery);
                });
    }

    /**
     * Completes the hand-over with the OTP the citizen told the Mitan. A wrong OTP is counted in a separate
     * transaction (it stays counted when the caller's transaction rolls back) and refused with a
     * {@link WrongOtpException} saying how many attempts are left, or that a new OTP was sent.
     */
    @Transactional
    public Delivery confirm(String requestNumber, String typedOtp, String deliveredBy) {
        String otp = typedOtp == null ? "" : Digits.latin(typedOtp.replaceAll("\\s", ""));
        if (otp.isEmpty()) {
            throw new WrongOtpException("Enter the OTP the citizen received by SMS. (नागरिक को SMS से मिला ओटीपी लिखें।)");
        }
        ServiceRequest request = requests.require(requestNumber);
        Delivery delivery = deliveries.findByRequestId(request.getId()).orElseThrow(() -> new IllegalStateException(
                "No delivery has been arranged for request " + requestNumber));
        if (delivery.isDelivered()) {
            return delivery;
        }
        if (delivery.isLocked()) {
            throw new WrongOtpException("The delivery of request " + requestNumber + " is locked after too many wrong"
                    + " OTPs. A supervisor must check with the citizen and send a new OTP. / " + LOCKED_IN_HINDI);
        }
        if (delivery.getFailedAttempts() >= maxAttempts) {
            throw new WrongOtpException("This OTP no longer works after " + maxAttempts + " wrong tries. Send the"
                    + " citizen a new one (POST /api/requests/" + requestNumber + "/delivery/otp) and use that."
                    + " / यह OTP अब काम नहीं करता: नागरिक को नया OTP भेजें।");
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

    /**
     * A fresh OTP for the citizen (the old one stops working, attempts start again), asked for by hand. Refused,
     * changing nothing, with {@link OtpLimitReached} when the last OTP went out less than
     * {@code otp-resend-interval} ago or the request or its Mitan has had as many OTPs as allowed; as a conflict when
     * the delivery is locked and the caller is not a supervisor. A supervisor's OTP unlocks the delivery.
     */
    @Transactional
    public Delivery resendOtp(String requestNumber, String actor, boolean supervisor) {
        ServiceRequest request = requests.require(requestNumber);
        Delivery delivery = deliveries.lockByRequestId(request.getId())
                .orElseThrow(() -> notArranged(requestNumber));
        if (delivery.isDelivered()) {
            throw Refusal.conflict("The certificate of request " + requestNumber
                    + " has already been delivered. / प्रमाण पत्र पहले ही सौंपा जा चुका है।",
                    Map.of("deliveredAt", delivery.getDeliveredAt()));
        }
        if (delivery.isLocked() && !supervisor) {
            throw Refusal.conflict("The delivery of request " + requestNumber + " is locked after "
                    + limits.maxRounds() + " rounds of wrong OTPs. A supervisor must check with the citizen and send"
                    + " the new OTP. / " + LOCKED_IN_HINDI, Map.of("lockedAt", delivery.getLockedAt()));
        }
        limitReached(request, delivery, true).ifPresent(limit -> {
            throw limit;
        });
        replaceOtp(request, delivery);
        if (delivery.isLocked()) {
            delivery.unlock();
            requests.record(request, UNLOCKED, actor, "Delivery unlocked; new OTP sent by a supervisor");
        } else {
            requests.record(request, OTP_RESENT, actor, "New delivery OTP sent to the citizen");
        }
        return deliveries.save(delivery);
    }

    /**
     * Why no OTP may go to the request's citizen now, if so. {@code byHand}: asked for by a person, who waits
     * {@code otp-resend-interval} after the last OTP; the OTP sent by itself after a round of wrong ones does not.
     */
    private Optional<OtpLimitReached> limitReached(ServiceRequest request, Delivery delivery, boolean byHand) {
        Instant now = now();
        Instant nextByHand = delivery.getOtpSentAt().plus(limits.resendInterval());
        if (byHand && now.isBefore(nextByHand)) {
            return Optional.of(new OtpLimitReached("An OTP was sent to the citizen of request "
                    + request.getRequestNumber() + " at " + TIME.format(delivery.getOtpSentAt()) + "; SMS can take a"
                    + " minute to arrive. Ask again after " + TIME.format(nextByHand) + " if it has not come. / OTP"
                    + " अभी भेजा गया है; SMS आने में एक मिनट लग सकता है। न आए तो " + TIME.format(nextByHand)
                    + " के बाद फिर माँगें।",
                    Duration.between(now, nextByHand)));
        }
        Duration day = Duration.ofDays(1);
        List<Instant> today = deliveries.sentToRequestSince(request.getId(), SmsTemplates.DELIVERY_OTP,
                now.minus(day));
        if (today.size() >= limits.maxPerRequestPerDay()) {
            Instant next = today.get(today.size() - limits.maxPerRequestPerDay()).plus(day);
            return Optional.of(new OtpLimitReached("The citizen of request " + request.getRequestNumber()
                    + " has been sent " + today.size() + " OTPs in the last 24 hours, the most allowed. Try again"
                    + " after " + TIME.format(next) + ", or ask a supervisor to check with the citizen. / "
                    + NO_OTP_YET_IN_HINDI,
                    Duration.between(now, next)));
        }
        Duration hour = Duration.ofHours(1);
        List<Instant> mitanHour = deliveries.sentForMitanSince(delivery.getMitanUserId(), SmsTemplates.DELIVERY_OTP,
                now.minus(hour));
        if (mitanHour.size() >= limits.maxPerMitanPerHour()) {
            Instant next = mitanHour.get(mitanHour.size() - limits.maxPerMitanPerHour()).plus(hour);
            return Optional.of(new OtpLimitReached("The deliveries of Mitan " + delivery.getMitanUserId() + " have had "
                    + mitanHour.size() + " OTPs in the last hour, the most allowed. Try again after "
                    + TIME.format(next) + ". / " + NO_OTP_YET_IN_HINDI, Duration.between(now, next)));
        }
        return Optional.empty();
    }

    /** The refusal of a call about a delivery that is not arranged yet (the certificate is not issued). */
    static Refusal notArranged(String requestNumber) {
        return Refusal.conflict("The delivery of request " + requestNumber + " has not been arranged yet. / इस आवेदन"
                + " का वितरण अभी तय नहीं हुआ है।", Map.of());
    }

    private String countWrongOtp(Long deliveryId, String requestNumber, String actor) {
        Delivery delivery = deliveries.findById(deliveryId).orElseThrow();
        delivery.recordFailedAttempt();
        if (delivery.getFailedAttempts() >= maxAttempts) {
            ServiceRequest request = requests.require(requestNumber);
            delivery.recordWrongRound();
            if (delivery.getWrongRounds() >= limits.maxRounds()) {
                delivery.lock(now());
                deliveries.save(delivery);
                requests.record(request, LOCKED, actor, delivery.getWrongRounds() + " rounds of " + maxAttempts
                        + " wrong OTPs; delivery locked until a supervisor sends a new OTP");
                log.warn("Request {}: {} rounds of wrong delivery OTPs, delivery locked", requestNumber,
                        delivery.getWrongRounds());
                return "Too many wrong OTPs: the delivery is locked and no new OTP is sent. A supervisor must check"
                        + " with the citizen and send a new OTP. / " + LOCKED_IN_HINDI;
            }
            Optional<OtpLimitReached> limit = limitReached(request, delivery, false);
            if (limit.isPresent()) {
                deliveries.save(delivery);
                log.info("Request {}: {} wrong delivery OTPs, no new OTP yet: {}", requestNumber, maxAttempts,
                        limit.get().getMessage());
                return "Too many wrong OTPs: this OTP no longer works, and no new one can be sent yet. "
                        + limit.get().getMessage();
            }
            replaceOtp(request, delivery);
            deliveries.save(delivery);
            requests.record(request, OTP_REPLACED, actor, maxAttempts + " wrong OTPs; a new OTP was sent");
            log.info("Request {}: {} wrong delivery OTPs, a new OTP was sent", requestNumber, maxAttempts);
            return "Too many wrong OTPs: a new OTP has been sent to the citizen's phone."
                    + " (बहुत बार गलत ओटीपी: नागरिक के फ़ोन पर नया ओटीपी भेजा गया है।)";
        }
        deliveries.save(delivery);
        int left = maxAttempts - delivery.getFailedAttempts();
        log.info("Request {}: wrong delivery OTP, {} attempt(s) left", requestNumber, left);
        return "The OTP does not match. " + left + " attempt(s) left. (ओटीपी मेल नहीं खाता। " + left
                + " प्रयास बाकी।)";
    }

    private void replaceOtp(ServiceRequest request, Delivery delivery) {
        String otp = otps.generate();
        delivery.replaceOtp(otps.hash(otp), now());
        sendOtp(request, otp);
    }

    /** The OTP goes only into the SMS; the outbox adds the rest of the text's values. */
    private void sendOtp(ServiceRequest request, String otp) {
        sms.toCitizen(request, SmsTemplates.DELIVERY_OTP, Map.of(SmsValues.OTP, otp));
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
