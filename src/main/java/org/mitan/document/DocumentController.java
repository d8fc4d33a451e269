package org.mitan.document;

import java.io.IOException;
import java.net.URI;

import org.mitan.web.Caller;
import org.mitan.web.Downloads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    /** 201 for a new scan; 200 with the same id when exactly this file was already uploaded for this type. */
    @PostMapping(path = "/api/requests/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentView> upload(@PathVariable String number, @RequestParam("type") String type,
            @RequestPart("file") MultipartFile file) throws IOException {
        Caller caller = Caller.current();
        DocumentService.Upload upload = documents.upload(number, type, file.getBytes(), caller);
        DocumentView view = DocumentView.of(upload.document());
        if (!upload.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/documents/" + view.id() + "/content")).body(view);
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
