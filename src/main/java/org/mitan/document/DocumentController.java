package org.mitan.document;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /** One line of the checklist: a document, or a "one of" group of which any one will do. */
    record RequirementView(boolean mandatory, boolean choice, boolean met, List<AlternativeView> alternatives) {
    }

    record AlternativeView(String documentType, String label, String labelHi, int uploaded) {
    }

    record UploadedView(String id, String documentType, long sizeBytes, String contentType, Instant uploadedAt) {
    }

    record ChecklistView(String requestNumber, String certificateType, List<RequirementView> requirements,
            List<UploadedView> uploaded) {
    }

    /** The type's checklist ("one of" groups as one line) and the scans uploaded so far, for the field page. */
    @GetMapping("/api/requests/{number}/documents")
    ChecklistView checklist(@PathVariable String number) {
        DocumentService.Checklist checklist = documents.checklist(number, Caller.current());
        Map<String, Long> counts = checklist.uploaded().stream()
                .collect(Collectors.groupingBy(Document::getDocumentType, Collectors.counting()));
        List<RequirementView> requirements = checklist.requirements().stream()
                .map(requirement -> new RequirementView(requirement.mandatory(), requirement.isChoice(),
                        requirement.metBy(counts.keySet()), requirement.alternatives().stream()
                                .map(row -> new AlternativeView(row.documentType(), row.label(), row.labelHi(),
                                        counts.getOrDefault(row.documentType(), 0L).intValue()))
                                .toList()))
                .toList();
        List<UploadedView> uploaded = checklist.uploaded().stream()
                .map(document -> new UploadedView(document.getId().toString(), document.getDocumentType(),
                        document.getSizeBytes(), document.getContentType(), document.getUploadedAt()))
                .toList();
        return new ChecklistView(checklist.request().getRequestNumber(), checklist.request().getCertificateType(),
                requirements, uploaded);
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
