package org.mitan.delivery;

import java.io.IOException;
import java.time.Instant;

import org.mitan.certificate.Certificate;
import org.mitan.certificate.CertificateRepository;
import org.mitan.failure.Refusal;
import org.mitan.mitan.RequestAccess;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.web.Caller;
import org.mitan.web.IdempotencyKeys;
import org.mitan.web.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Mitan at the door (or a supervisor) asks for a fresh delivery OTP when the citizen did not get it; too soon
 * or too often is a 429 with {@code Retry-After}.
 */
@RestController
class DeliveryController {

    private final Requests requests;
    private final RequestAccess access;
    private final Deliveries deliveries;
    private final DeliveryRepository rows;
    private final CertificateRepository certificates;
    private final OtpLimits limits;
    private final DeliveryPhotos photos;

    DeliveryController(Requests requests, RequestAccess access, Deliveries deliveries, DeliveryRepository rows,
            CertificateRepository certificates, OtpLimits limits, DeliveryPhotos photos) {
        this.photos = photos;
        this.requests = requests;
        this.access = access;
        this.deliveries = deliveries;
        this.rows = rows;
        this.certificates = certificates;
        this.limits = limits;
    }

    /**
     * Where the delivery stands, for the Mitan at the door: the certificate to hand over (and its PDF), wrong OTPs
     * left before this OTP stops working, whether it is locked, and from when a new OTP may be asked for.
     */
    record DeliveryState(String requestNumber, String certificateNumber, String certificatePdf, boolean delivered,
            Instant deliveredAt, boolean locked, int attemptsLeft, int maxAttempts, int otpSentCount,
            Instant otpSentAt, Instant resendAllowedAt) {
    }

    @GetMapping("/api/requests/{number}/delivery")
    DeliveryState state(@PathVariable String number) {
        Caller caller = Caller.current();
        ServiceRequest request = requests.require(number);
        access.checkMaySee(caller, request);
        Delivery delivery = rows.findByRequestId(request.getId()).orElseThrow(() -> Refusal.notFound(
                "The delivery of request " + number + " has not been arranged yet: the certificate is not issued."
                        + " / प्रमाण पत्र अभी जारी नहीं हुआ: वितरण तय नहीं है।"));
        String certificateNumber = certificates.findByRequestId(request.getId())
                .map(Certificate::getCertificateNumber).orElse(null);
        return new DeliveryState(number, certificateNumber,
                certificateNumber == null ? null : "/api/certificates/" + certificateNumber + "/pdf",
                delivery.isDelivered(), delivery.getDeliveredAt(), delivery.isLocked(),
                Math.max(0, limits.maxAttempts() - delivery.getFailedAttempts()), limits.maxAttempts(),
                delivery.getOtpSentCount(), delivery.getOtpSentAt(),
                delivery.getOtpSentAt().plus(limits.resendInterval()));
    }

    record PhotoView(String id, String sha256, long sizeBytes, String contentType, Instant uploadedAt) {
    }

    /** The photo of the hand-over: 201, or 200 with the first answer when the Idempotency-Key was sent before. */
    @PostMapping(path = "/api/requests/{number}/delivery/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PhotoView> photo(@PathVariable String number, @RequestPart("file") MultipartFile file,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey)
            throws IOException {
        DeliveryPhotos.Added added = photos.add(number, file.getBytes(), idempotencyKey, Caller.current());
        DeliveryPhoto photo = added.photo();
        PhotoView view = new PhotoView(photo.getId().toString(), photo.getSha256(), photo.getSizeBytes(),
                photo.getContentType(), photo.getUploadedAt());
        return ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
    }

    record OtpSent(String requestNumber, int otpSentCount, Instant otpSentAt, String message) {
    }

    @PostMapping("/api/requests/{number}/delivery/otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OtpSent resendOtp(@PathVariable String number) {
        Caller caller = Caller.current();
        ServiceRequest request = requests.require(number);
        access.checkMayKnowOf(caller, request);
        // the body's own supervisors as well as the state-wide ones: either may unlock a locked delivery
        boolean supervisor = caller.hasRoleFor(Roles.SUPERVISOR, request.getBodyCode());
        if (!supervisor && !access.isAssignedMitan(caller, request)) {
            throw Refusal.notAllowed("Only the Mitan delivering request " + number
                    + " or a supervisor may send a new OTP. / नया OTP केवल वितरण करने वाले मितान या पर्यवेक्षक भेज"
                    + " सकते हैं।");
        }
        Delivery delivery = deliveries.resendOtp(number, caller.userId(), supervisor);
        return new OtpSent(number, delivery.getOtpSentCount(), delivery.getOtpSentAt(),
                "A new OTP has been sent to the citizen's phone; the earlier one no longer works.");
    }

    /** 429 with the seconds to wait in {@code Retry-After}; nothing was sent or changed. */
    @ExceptionHandler(OtpLimitReached.class)
    ResponseEntity<ProblemDetail> tooSoon(OtpLimitReached limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, limit.getMessage());
        problem.setTitle("Too many OTPs");
        problem.setProperty("retryAfterSeconds", limit.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(limit.retryAfterSeconds()))
                .body(problem);
    }
}
