package org.mitan.certificate;

import org.mitan.failure.Refusal;
import org.mitan.web.Caller;
import org.mitan.web.Downloads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/certificates/{number}/pdf}: the certificate's PDF, for those who may see its request.
 * Certificate numbers contain slashes ({@code RPR/BIRTH/2026/000001}); they go into the path as they are, e.g.
 * {@code /api/certificates/RPR/BIRTH/2026/000001/pdf} (encoded slashes are refused by the server's firewall).
 */
@RestController
class CertificateController {

    private static final String SUFFIX = "/pdf";

    private final CertificateService certificates;

    CertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/api/certificates/{*numberAndPdf}")
    ResponseEntity<InputStreamResource> pdf(@PathVariable String numberAndPdf) {
        if (!numberAndPdf.endsWith(SUFFIX) || numberAndPdf.length() <= SUFFIX.length() + 1) {
            throw Refusal.notFound("There is nothing at this address. Use /api/certificates/<number>/pdf.");
        }
        String number = numberAndPdf.substring(1, numberAndPdf.length() - SUFFIX.length());
        CertificateService.CertificateFile file = certificates.openPdf(number, Caller.current());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.inline(file.fileName()))
                .body(new InputStreamResource(file.content()));
    }

    /** The stored PDF is gone: a fault on our side, said as such, with whom to tell. */
    @ExceptionHandler(CertificateFileMissing.class)
    ResponseEntity<ProblemDetail> fileMissing(CertificateFileMissing missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                missing.getMessage());
        problem.setTitle("Certificate file missing");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }
}
