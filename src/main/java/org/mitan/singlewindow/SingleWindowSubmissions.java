package org.mitan.singlewindow;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mitan.document.DocumentRepository;
import org.mitan.process.SmsTemplates;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a scrutinised request on the single-window system, once. A request that already has a submission keeps
 * it: the gateway is not called again. A refusal on the merits is returned, not thrown, so that the engine's
 * transaction (which goes on along the rejection path) is not marked for rollback; technical failures propagate.
 */
@Service
class SingleWindowSubmissions {

    static final String ACTOR = "single-window";
    /** Milestone recorded with the reason when the single-window system refuses the application. */
    static final String REJECTED_MILESTONE = "SINGLE_WINDOW_REJECTED";

    private static final Logger log = LoggerFactory.getLogger(SingleWindowSubmissions.class);

    private final ServiceRequestRepository requests;
    private final Requests progress;
    private final DocumentRepository documents;
    private final SubmissionRepository submissions;
    private final SingleWindowGateway gateway;
    private final SmsService sms;
    private final Clock clock;

    SingleWindowSubmissions(ServiceRequestRepository requests, Requests progress, DocumentRepository documents,
            SubmissionRepository submissions, SingleWindowGateway gateway, SmsService sms, Clock clock) {
        this.requests = requests;
        this.progress = progress;
        this.documents = documents;
        this.submissions = submissions;
        this.gateway = gateway;
        this.sms = sms;
        this.clock = clock;
    }

    /** What became of a filing. */
    sealed interface Outcome permits Submitted, Rejected {
    }

    record Submitted(String reference) implements Outcome {
    }

    record Rejected(String reason) implements Outcome {
    }

    @Transactional
    Outcome submit(String requestNumber) {
        ServiceRequest request = requests.lockByRequestNumber(requestNumber)
                .orElseThrow(() -> new IllegalStateException("No request with number " + requestNumber));
        Optional<Submission> earlier = submissions.findByRequestId(request.getId());
        if (earlier.isPresent()) {
            log.info("Request {} was already filed as {}; not filing again", requestNumber,
                    earlier.get().getReference());
            return new Submitted(earlier.get().getReference());
        }
        SubmissionReceipt receipt;
        try {
            receipt = gateway.submit(filingOf(request));
        } catch (SingleWindowRejection rejection) {
            log.info("The single-window system refused request {}: {}", requestNumber, rejection.getMessage());
            progress.record(request, REJECTED_MILESTONE, ACTOR, rejection.getMessage());
            return new Rejected(rejection.getMessage());
        }
        Submission submission = submissions.save(
                new Submission(request.getId(), receipt.reference(), gateway.name(), Instant.now(clock)));
        progress.advance(request, RequestStatus.SUBMITTED, ACTOR, "Reference " + submission.getReference());
        sms.toCitizen(request, SmsTemplates.SUBMITTED, Map.of("submissionReference", submission.getReference()));
        return new Submitted(submission.getReference());
    }

    private ApplicationFiling filingOf(ServiceRequest request) {
        return new ApplicationFiling(request.getRequestNumber(), request.getCertificateType(), request.getBodyCode(),
                request.getWard(), request.getCitizenName(), request.getCitizenPhone(), request.getAddress(),
                Collections.unmodifiableMap(new LinkedHashMap<>(request.getParticulars())),
                documents.findByRequestIdOrderByUploadedAtAsc(request.getId()).stream()
                        .map(document -> new ApplicationFiling.FiledDocument(document.getDocumentType(),
                                document.getSha256(), document.getSizeBytes(), document.getContentType()))
                        .toList());
    }
}
