package org.mitan.certificate;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mitan.document.DocumentStore;
import org.mitan.document.Sha256;
import org.mitan.failure.Refusal;
import org.mitan.mitan.RequestAccess;
import org.mitan.payment.Payments;
import org.mitan.process.SmsTemplates;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.singlewindow.CertificateOrder;
import org.mitan.singlewindow.IssuedCertificate;
import org.mitan.singlewindow.PaidFee;
import org.mitan.singlewindow.ServiceCatalogue;
import org.mitan.singlewindow.SingleWindowGateway;
import org.mitan.singlewindow.Submission;
import org.mitan.singlewindow.SubmissionRepository;
import org.mitan.sms.SmsService;
import org.mitan.sms.SmsValues;
import org.mitan.text.Excerpt;
import org.mitan.web.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues an approved request's certificate, once, and hands its PDF to those who may see the request.
 * <p>
 * Issuing: a request that already has a certificate keeps it (no new number, no new PDF). Otherwise the
 * single-window gateway numbers and prints it; the PDF is written to the object store under its SHA-256
 * ({@code certificates/<sha256>.pdf}) before the row is saved, so a crash in between leaves at most an orphan
 * object and the retry finds the same key for the same bytes.
 */
@Service
class CertificateService {

    static final String ACTOR = "single-window";
    static final String PDF = "application/pdf";

    private static final Logger log = LoggerFactory.getLogger(CertificateService.class);

    private final ServiceRequestRepository requests;
    private final Requests progress;
    private final CertificateRepository certificates;
    private final SubmissionRepository submissions;
    private final SingleWindowGateway gateway;
    private final DocumentStore store;
    private final ServiceCatalogue catalogue;
    private final Approvers approvers;
    private final Payments payments;
    private final Corrections corrections;
    private final RequestAccess access;
    private final SmsService sms;
    private final Clock clock;
    private final String publicBaseUrl;

    CertificateService(ServiceRequestRepository requests, Requests progress, CertificateRepository certificates,
            SubmissionRepository submissions, SingleWindowGateway gateway, DocumentStore store,
            ServiceCatalogue catalogue, Approvers approvers, Payments payments, Corrections corrections,
            RequestAccess access, SmsService sms, Clock clock, @Value("${mitan.public-base-url}") String publicBaseUrl) {
        this.requests = requests;
        this.progress = progress;
        this.certificates = certificates;
        this.submissions = submissions;
        this.gateway = gateway;
        this.store = store;
        this.catalogue = catalogue;
        this.approvers = approvers;
        this.payments = payments;
        this.corrections = corrections;
        this.access = access;
        this.sms = sms;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
    }

    /** The PDF of a certificate and the file name to offer it under. The caller closes the stream. */
    record CertificateFile(String fileName, InputStream content) {
    }

    /** Issues the certificate of an approved request, or returns the one it already has. */
    @Transactional
    Certificate issue(String requestNumber, String processInstanceId) {
        ServiceRequest request = requests.lockByRequestNumber(requestNumber)
                .orElseThrow(() -> new IllegalStateException("No request with number " + requestNumber));
        Optional<Certificate> earlier = certificates.findByRequestId(request.getId());
        if (earlier.isPresent()) {
            log.info("Request {} already has certificate {}; not issuing again", requestNumber,
                    earlier.get().getCertificateNumber());
            return earlier.get();
        }
        Submission submission = submissions.findByRequestId(request.getId()).orElseThrow(() ->
                new IllegalStateException("Request " + requestNumber + " was never filed on the single-window system"));
        Optional<Corrections.Entry> corrected = corrections.entry(request);
        if (corrected.isPresent()) {
            Corrections.Entry entry = corrected.get();
            Optional<Certificate> newer = entry.certificate() != null
                    ? certificates.findBySupersedesId(entry.certificate().getId())
                    : certificates.findBySupersedesPaperEntryId(entry.paper().getId());
            newer.ifPresent(certificate -> {
                throw new IllegalStateException("Certificate " + entry.number() + " was superseded by "
                        + certificate.getCertificateNumber() + " while request " + requestNumber + " corrected it: "
                        + "register a correction of " + certificate.getCertificateNumber() + " instead.");
            });
        }
        // A correction is issued as a certificate of the type it corrects, from the entry's corrected copy.
        String certificateType = corrected.map(Corrections.Entry::type).orElse(request.getCertificateType());
        String holder = holderOf(request, certificateType);
        String code = VerificationCodes.of(request);
        String verificationUrl = verificationUrl(code);
        String approver = approvers.approverOf(processInstanceId);
        Instant now = Instant.now(clock);
        IssuedCertificate issued = gateway.issue(new CertificateOrder(requestNumber, submission.getReference(),
                certificateType, request.getBodyCode(), holder, request.getAddress(),
                Collections.unmodifiableMap(new LinkedHashMap<>(request.getParticulars())), approver, code,
                verificationUrl, now, payments.receiptsOf(request.getId()).stream()
                        .map(paid -> new PaidFee(paid.label(), paid.labelHi(), paid.rupees(), paid.receiptNumber()))
                        .toList()));
        String sha256 = Sha256.hex(issued.pdf());
        String objectKey = "certificates/" + sha256 + ".pdf";
        store.put(objectKey, issued.pdf(), PDF);
        Certificate made = new Certificate(issued.certificateNumber(), request.getId(), request.getBodyCode(),
                certificateType, holder, now, objectKey, sha256, code);
        corrected.ifPresent(entry -> {
            if (entry.certificate() != null) {
                made.correcting(entry.certificate());
            } else {
                made.correctingPaper(entry.paper());
            }
        });
        Certificate certificate = certificates.save(made);
        progress.advance(request, RequestStatus.CERTIFICATE_ISSUED, ACTOR,
                "Certificate " + certificate.getCertificateNumber() + ", approved by " + approver);
        corrected.ifPresent(old -> corrections.superseded(old, certificate, request, approver));
        sms.toCitizen(request, SmsTemplates.CERTIFICATE_ISSUED, Map.of(
                SmsValues.CERTIFICATE_NUMBER, certificate.getCertificateNumber(),
                SmsValues.VERIFY_URL, verificationUrl));
        return certificate;
    }

    /**
     * Opens the PDF for someone who may see the certificate's request; refused as not found otherwise, the same
     * whether no certificate has the number or it is one the caller may not see, so that nobody learns which
     * certificate numbers exist by trying them.
     */
    @Transactional(readOnly = true)
    CertificateFile openPdf(String certificateNumber, Caller caller) {
        Refusal notFound = Refusal.notFound("No certificate with the number " + Excerpt.of(certificateNumber)
                + " that you may see. Check the number; if it is right, ask the officer of its request. / इस संख्या"
                + " का कोई प्रमाण पत्र आपके लिए नहीं है; संख्या जाँचें।");
        Certificate certificate = certificates.findByCertificateNumber(certificateNumber).orElseThrow(() -> notFound);
        ServiceRequest request = requests.findById(certificate.getRequestId()).orElseThrow(() ->
                new IllegalStateException("Certificate " + certificateNumber + " belongs to no request"));
        if (!access.maySee(caller, request)) {
            throw notFound;
        }
        InputStream content = store.open(certificate.getObjectKey())
                .orElseThrow(() -> new CertificateFileMissing(certificateNumber));
        return new CertificateFile(certificateNumber.replaceAll("[^A-Za-z0-9._-]", "-") + ".pdf", content);
    }

    String verificationUrl(String code) {
        return publicBaseUrl + "/verify/" + code;
    }

    /**
     * The particular the service-level decision names as the holder, else the citizen who asked. A decision that
     * cannot be read stops issuing (retry, then an incident) rather than naming the citizen by default.
     */
    private String holderOf(ServiceRequest request, String certificateType) {
        Optional<String> named = catalogue.holderParticular(certificateType);
        if (named.isEmpty()) {
            return request.getCitizenName();
        }
        String particular = named.get();
        Object value = request.getParticulars().get(particular);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("Request " + request.getRequestNumber() + " has no particular '"
                    + particular + "', which names the certificate's holder. Record it before issuing.");
        }
        return value.toString().strip();
    }
}
