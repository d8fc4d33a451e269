package org.mitan.document;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.mitan.web.Caller;
import org.mitan.web.Downloads;
import org.mitan.web.IdempotencyKeys;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload of scans from the Mitan's tablet, and their display to the officers (links in the scrutiny form). */
@RestController
class DocumentController {

    private final DocumentService documents;

    DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    /** What the tablet gets back: enough to show the scan as done and to compare fingerprints. */
    record DocumentView(String id, String documentType, String sha256, long sizeBytes, String contentType) {

        static DocumentView of(Document document) {
            return new DocumentView(document.getId().toString(), document.getDocumentType(), document.getSha256(),
                    document.getSizeBytes(), document.getContentType());
        }
    }

    /**
     * 201 for a new scan; 200 with the same id when exactly this file was already uploaded for this type, or when
     * the {@code Idempotency-Key} (optional) was sent before with this file: a client that lost the answer sends the
     * same request again and gets the first answer.
     */
    @PostMapping(path = "/api/requests/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentView> upload(@PathVariable String number, @RequestParam("type") String type,
            @RequestPart("file") MultipartFile file,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey)
            throws IOException {
        Caller caller = Caller.current();
        DocumentService.Upload upload = documents.upload(number, type, file.getBytes(), idempotencyKey, caller);
        DocumentView view = DocumentView.of(upload.document());
        if (!upload.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/documents/" + view.id() + "/content")).body(view);
    }

    /**
     * One line of the checklist: a document, or a "one of" group of which any one will do. {@code met}: a scan that
     * counts is in; {@code returned}: the clerk returned it and it is not taken again yet.
     */
    record RequirementView(boolean mandatory, boolean choice, boolean met, List<AlternativeView> alternatives,
            boolean returned) {
    }

    /** {@code uploaded}: the scans of the type that count; {@code returned}: awaiting a new scan after a return. */
    record AlternativeView(String documentType, String label, String labelHi, int uploaded, boolean returned) {
    }

    /**
     * {@code state}: {@code current}, {@code new} (uploaded after the clerk's last return), {@code replaced} (returned
     * and taken again since) or {@code returned} (returned, not taken again yet).
     */
    record UploadedView(String id, String documentType, long sizeBytes, String contentType, Instant uploadedAt,
            String state) {
    }

    /** {@code lastReturnedAt}: when the clerk last returned documents of the request, null if never. */
    record ChecklistView(String requestNumber, String certificateType, List<RequirementView> requirements,
            List<UploadedView> uploaded, Instant lastReturnedAt) {
    }

    /**
     * The type's checklist ("one of" groups as one line) and the scans uploaded so far, for the field page: a type the
     * clerk returned counts as not met until a scan of it is uploaded after the return.
     */
    @GetMapping("/api/requests/{number}/documents")
    ChecklistView checklist(@PathVariable String number) {
        DocumentService.Checklist checklist = documents.checklist(number, Caller.current());
        ReturnedScans returned = checklist.returned();
        Map<String, Long> counts = checklist.uploaded().stream()
                .filter(document -> stillCounts(returned, document))
                .collect(Collectors.groupingBy(Document::getDocumentType, Collectors.counting()));
        Set<String> types = checklist.uploaded().stream().map(Document::getDocumentType).collect(Collectors.toSet());
        Set<String> collected = returned.collected(types);
        List<DocumentRequirement> notTakenAgain = returned.returnedRequirements(checklist.requirements(), types);
        List<RequirementView> requirements = checklist.requirements().stream()
                .map(requirement -> new RequirementView(requirement.mandatory(), requirement.isChoice(),
                        requirement.metBy(collected), requirement.alternatives().stream()
                                .map(row -> new AlternativeView(row.documentType(), row.label(), row.labelHi(),
                                        counts.getOrDefault(row.documentType(), 0L).intValue(),
                                        returned.awaitingNewScan(row.documentType())))
                                .toList(), notTakenAgain.contains(requirement)))
                .toList();
        List<UploadedView> uploaded = checklist.uploaded().stream()
                .map(document -> new UploadedView(document.getId().toString(), document.getDocumentType(),
                        document.getSizeBytes(), document.getContentType(), document.getUploadedAt(),
                        returned.stateOf(document).name().toLowerCase(Locale.ROOT)))
                .toList();
        return new ChecklistView(checklist.request().getRequestNumber(), checklist.request().getCertificateType(),
                requirements, uploaded, returned.lastReturn().orElse(null));
    }

    /** A scan counts on the checklist unless the clerk returned it (replaced, or awaiting its replacement). */
    private static boolean stillCounts(ReturnedScans returned, Document document) {
        ReturnedScans.State state = returned.stateOf(document);
        return state == ReturnedScans.State.CURRENT || state == ReturnedScans.State.NEW;
    }

    /** The scan itself, shown in the browser (inline) with the content type detected at upload. */
    @GetMapping("/api/documents/{id}/content")
    ResponseEntity<Resource> content(@PathVariable String id) {
        DocumentService.Content content = documents.openContent(id, Caller.current());
        Document document = content.document();
        // the type comes from the required-documents table and may be named in Hindi
        String fileName = document.getDocumentType() + ContentTypes.extension(document.getContentType());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.inline(fileName))
                .body(new InputStreamResource(content.stream()));
    }
}
