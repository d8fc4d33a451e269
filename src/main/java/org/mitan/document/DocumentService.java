package org.mitan.document;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mitan.failure.Refusal;
import org.mitan.mitan.RequestAccess;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.text.Excerpt;
import org.mitan.web.Caller;
import org.mitan.web.IdempotencyKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scans uploaded by the Mitan from the citizen's home, and reading them back for the officers.
 * Every check runs before anything is written, so a refused upload changes nothing. The object is written
 * before its row: a crash in between leaves only an orphan object under a content-addressed key, which the
 * retried upload writes again harmlessly.
 */
@Service
class DocumentService {

    static final String MILESTONE_UPLOADED = "DOCUMENT_UPLOADED";


    /**
     * While the doorstep visit is on, up to verification (assignment moves a request returned from scrutiny back to
     * MITAN_ASSIGNED). Once verified, a new scan would reach the clerk without having been verified.
     */
    private static final Set<RequestStatus> TAKING_DOCUMENTS =
            EnumSet.of(RequestStatus.REGISTERED, RequestStatus.MITAN_ASSIGNED);

    private final ServiceRequestRepository requestRows;
    private final Requests requests;
    private final RequestAccess access;
    private final RequiredDocuments requiredDocuments;
    private final DocumentRepository documents;
    private final DocumentStore store;
    private final DocumentProperties limits;
    private final Clock clock;
    private final OpenVisitChecklists openChecklists;
    private final DocumentReturnRepository returns;

    DocumentService(ServiceRequestRepository requestRows, Requests requests, RequestAccess access,
            RequiredDocuments requiredDocuments, DocumentRepository documents, DocumentStore store,
            DocumentProperties limits, Clock clock, OpenVisitChecklists openChecklists,
            DocumentReturnRepository returns) {
        this.requestRows = requestRows;
        this.requests = requests;
        this.access = access;
        this.requiredDocuments = requiredDocuments;
        this.documents = documents;
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.openChecklists = openChecklists;
        this.returns = returns;
    }

    /** The stored document and whether this call created it ({@code false}: the same file was already there). */
    record Upload(Document document, boolean created) {
    }

    /** A document and its bytes; the caller closes the stream. */
    record Content(Document document, InputStream stream) {
    }

    /**
     * Stores a scan for the request. The request row is locked for the duration, so that two uploads of the same
     * file at once end in one row.
     */
    @Transactional
    Upload upload(String requestNumber, String documentType, byte[] content, Caller caller) {
        return upload(requestNumber, documentType, content, null, caller);
    }

    /**
     * As {@link #upload(String, String, byte[], Caller)}, remembering the client's idempotency key: the same key
     * again (a retry whose answer was lost) gets the document of the first call back, whatever happened to the
     * request since; the same key with another file is refused with 422.
     */
    @Transactional
    Upload upload(String requestNumber, String documentType, byte[] content, String idempotencyKey, Caller caller) {
        ServiceRequest request = requestRows.lockByRequestNumber(requestNumber)
                .orElseThrow(() -> Requests.notFound(requestNumber));
        access.checkMayKnowOf(caller, request);
        if (!access.isAssignedMitan(caller, request)) {
            throw Refusal.notAllowed("Only the Mitan assigned to request " + requestNumber
                    + " can upload its documents. / इस आवेदन के दस्तावेज़ केवल इसके लिए नियुक्त मितान भेज सकते हैं।");
        }
        if (idempotencyKey != null) {
            Optional<Upload> earlier = replay(request, documentType, content, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        checkTakesDocuments(request);
        RequiredDocument asked = askedFor(request, documentType);
        if (content == null || content.length == 0) {
            throw Refusal.invalid(Map.of("file", "is empty: scan the " + asked.label() + " again / फ़ाइल खाली है:"
                    + " फिर से स्कैन करें"));
        }
        if (content.length > limits.maxBytes()) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "File too large", "The " + asked.label() + " scan is "
                    + DocumentProperties.inWords(content.length) + "; the limit is " + limits.maxSizeInWords()
                    + ". Scan it at a lower resolution. / फ़ाइल बहुत बड़ी है: कम रिज़ॉल्यूशन पर फिर से स्कैन करें।",
                    Map.of("field", "file", "maxBytes", limits.maxBytes()));
        }
        String contentType = ContentTypes.detect(content).orElseThrow(() -> new Refusal(
                Refusal.Kind.UNSUPPORTED_TYPE, "Unsupported file type", "The file for " + asked.label()
                        + " is not a " + ContentTypes.ACCEPTED_IN_WORDS + " (judged by its content, not its name)."
                        + " Scan it again as " + ContentTypes.ACCEPTED_IN_WORDS + ". / यह फ़ाइल "
                        + ContentTypes.ACCEPTED_IN_WORDS + " नहीं है: फिर से स्कैन करें।", Map.of("field", "file")));
        ScanContents.problem(contentType, content).ifPresent(problem -> {
            throw new Refusal(Refusal.Kind.UNACCEPTABLE, "Scan refused", "The file for " + asked.label()
                    + " " + problem + ". Nothing was stored. / यह स्कैन स्वीकार नहीं हुआ (पूरा खुलता नहीं या इसमें"
                    + " चलने वाली सामग्री है); कुछ जमा नहीं हुआ। फिर से स्कैन करें।",
                    Map.of("field", "file", "contentType", contentType));
        });
        String sha256 = Sha256.hex(content);

        Optional<Document> same = documents.findByRequestIdAndDocumentTypeAndSha256(request.getId(), documentType,
                sha256);
        if (same.isPresent()) {
            List<Document> scans = documents.findByRequestIdOrderByUploadedAtAsc(request.getId());
            if (ReturnedScans.of(returns, request.getId(), scans).stateOf(same.get()) == ReturnedScans.State.RETURNED) {
                throw new Refusal(Refusal.Kind.UNACCEPTABLE, "Scan returned", "This " + asked.label() + " file is the"
                        + " very scan the office returned to be taken again: take a new photo of the document and"
                        + " upload that. Nothing was stored. / यही स्कैन कार्यालय ने लौटाया था: दस्तावेज़ की नई फ़ोटो"
                        + " लेकर भेजें।", Map.of("field", "file", "documentId",
                        same.get().getId().toString()));
            }
            // Same key, same bytes: harmless when the object is intact, and how the Mitan repairs an object that
            // verification found missing or damaged ("upload it again"). No new row, no milestone.
            store.put(same.get().getObjectKey(), content, contentType);
            return new Upload(same.get(), false);
        }
        String objectKey = "documents/" + requestNumber + "/" + sha256;
        store.put(objectKey, content, contentType);
        Document document = documents.save(new Document(UUID.randomUUID(), request.getId(), documentType, objectKey,
                sha256, content.length, contentType, caller.userId(), Instant.now(clock))
                .withIdempotencyKey(idempotencyKey));
        requests.record(request, MILESTONE_UPLOADED, caller.userId(), asked.label() + " (" + contentType + ", "
                + DocumentProperties.inWords(content.length) + ")");
        openChecklists.refresh(requestNumber);
        return new Upload(document, true);
    }

    /**
     * What the type asks for and what has been uploaded, for someone who may see the request, with what the clerk's
     * returns made of the scans.
     */
    record Checklist(ServiceRequest request, List<DocumentRequirement> requirements, List<Document> uploaded,
            ReturnedScans returned) {
    }

    @Transactional(readOnly = true)
    Checklist checklist(String requestNumber, Caller caller) {
        ServiceRequest request = requestRows.findByRequestNumber(requestNumber)
                .orElseThrow(() -> Requests.notFound(requestNumber));
        access.checkMaySee(caller, request);
        List<RequiredDocument> rows = RequiredDocuments.onPath(
                requiredDocuments.forType(request.getCertificateType()), request);
        List<Document> scans = documents.findByRequestIdOrderByUploadedAtAsc(request.getId());
        return new Checklist(request, RequiredDocuments.requirements(rows), scans,
                ReturnedScans.of(returns, request.getId(), scans));
    }

    /**
     * Opens a scan for someone who may see its request. Unknown or malformed ids are a 404, and so is the scan of a
     * request the caller may not see, in the same words: nobody learns which ids exist by trying them.
     */
    @Transactional(readOnly = true)
    Content openContent(String id, Caller caller) {
        Refusal notFound = Refusal.notFound("No document with id " + Excerpt.of(id) + " that you may see. / यह"
                + " दस्तावेज़ आपके लिए नहीं है।");
        Document document = parse(id).flatMap(documents::findById).orElseThrow(() -> notFound);
        ServiceRequest request = requestRows.findById(document.getRequestId())
                .orElseThrow(() -> new IllegalStateException("Document " + id + " belongs to no request"));
        if (!access.maySee(caller, request)) {
            throw notFound;
        }
        InputStream stream = store.open(document.getObjectKey())
                .orElseThrow(() -> Refusal.notFound("The scan " + id + " of request "
                        + request.getRequestNumber() + " is missing from the document store. Ask the Mitan to"
                        + " upload the " + document.getDocumentType() + " again."));
        return new Content(document, stream);
    }

    /** The document stored under this key by an earlier call, if it is the same file; 422 for another file. */
    private Optional<Upload> replay(ServiceRequest request, String documentType, byte[] content, String key) {
        IdempotencyKeys.check(key);
        return documents.findByRequestIdAndIdempotencyKey(request.getId(), key).map(earlier -> {
            if (content == null || !earlier.getDocumentType().equals(documentType)
                    || !earlier.getSha256().equals(Sha256.hex(content))) {
                throw new Refusal(Refusal.Kind.UNACCEPTABLE, "Idempotency key already used",
                        "The Idempotency-Key " + key + " was used on " + earlier.getUploadedAt() + " for another"
                                + " file (a " + earlier.getDocumentType() + " scan). Send a new key with a new scan;"
                                + " nothing was stored. / " + IdempotencyKeys.USED_FOR_ANOTHER_FILE,
                        Map.of("field", IdempotencyKeys.HEADER, "documentId", earlier.getId().toString()));
            }
            return new Upload(earlier, false);
        });
    }

    private void checkTakesDocuments(ServiceRequest request) {
        RequestStatus status = request.getStatus();
        if (TAKING_DOCUMENTS.contains(status)) {
            return;
        }
        String detail;
        if (status == RequestStatus.DOCUMENTS_VERIFIED) {
            detail = "The documents of request " + request.getRequestNumber() + " are already verified (" + status
                    + "): a scan added now would reach the clerk unverified. If a document must change, the clerk"
                    + " can return the request for a revisit. / इस आवेदन के दस्तावेज़ जाँचे जा चुके हैं: अब नया स्कैन"
                    + " नहीं जुड़ सकता।";
        } else if (status.isOpen()) {
            detail = "Request " + request.getRequestNumber() + " is with the officers (" + status + "): documents"
                    + " can be added only during the doorstep visit, or after the clerk returns it for a revisit."
                    + " / आवेदन अधिकारियों के पास है: दस्तावेज़ केवल भेंट के समय या लौटाए जाने पर जुड़ते हैं।";
        } else {
            detail = "Request " + request.getRequestNumber() + " is closed (" + status + "): no documents can be"
                    + " added. / आवेदन बंद है: कोई दस्तावेज़ नहीं जुड़ सकता।";
        }
        throw Refusal.conflict(detail, Map.of("requestNumber", request.getRequestNumber(),
                "requestStatus", status.name()));
    }

    private RequiredDocument askedFor(ServiceRequest request, String documentType) {
        List<RequiredDocument> asked = RequiredDocuments.onPath(
                requiredDocuments.forType(request.getCertificateType()), request);
        return asked.stream().filter(row -> row.documentType().equals(documentType)).findFirst()
                .orElseThrow(() -> Refusal.invalid(Map.of("type", "must be one of "
                        + asked.stream().map(RequiredDocument::documentType).collect(Collectors.joining(", "))
                        + " (the documents a " + request.getCertificateType() + " asks for) / यह दस्तावेज़ इस"
                        + " प्रमाण पत्र के लिए नहीं माँगा जाता")));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
