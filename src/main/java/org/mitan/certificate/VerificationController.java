package org.mitan.certificate;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.mitan.catalogue.Catalogue;
import org.mitan.failure.Refusal;
import org.mitan.web.CitizenPages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /verify/{code}}, public (the certificate's QR code opens it): whether the certificate is genuine. A
 * browser (its Accept names text/html) gets a small page in Hindi and English, in the look of the status page; any
 * other client gets JSON, and an unknown code is a 404 problem with {@code valid: false}.
 */
@RestController
class VerificationController {

    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final String TITLE = "मितान: प्रमाण पत्र की जाँच · Mitan: certificate check";

    private final CertificateVerification verification;
    private final Catalogue catalogue;

    VerificationController(CertificateVerification verification, Catalogue catalogue) {
        this.verification = verification;
        this.catalogue = catalogue;
    }

    /** Valid, or superseded by a corrected certificate: the new number, which the citizen can check in its turn. */
    private static String status(CertificateVerification.VerifiedCertificate certificate) {
        if (certificate.supersededBy() == null) {
            return "<p class=\"msg ok\" id=\"valid\">✓ यह प्रमाण पत्र असली है। <span class=\"en\">This certificate is"
                    + " genuine.</span></p>";
        }
        String newer = CitizenPages.esc(certificate.supersededBy());
        return "<p class=\"msg bad\" id=\"superseded\">✗ यह प्रमाण पत्र अब मान्य नहीं है: रजिस्टर में सुधार के बाद इसके"
                + " स्थान पर प्रमाण पत्र <strong>" + newer + "</strong> जारी किया गया है।<span class=\"en\">This"
                + " certificate is no longer valid: it is superseded by <strong id=\"superseded-by\">" + newer
                + "</strong>, issued after a correction of the register. Ask the holder for the new one.</span></p>";
    }

    @GetMapping("/verify/{code}")
    ResponseEntity<?> verify(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        var found = verification.verify(code);
        if (!CitizenPages.wantsPage(accept)) {
            return ResponseEntity.ok(found.orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                    "Not a valid certificate", "No certificate has this verification code. Scan the QR code on the "
                            + "certificate again, or type the code exactly as printed.", Map.of("valid", false))));
        }
        if (found.isEmpty()) {
            return CitizenPages.page(HttpStatus.NOT_FOUND, TITLE, "<h1>मान्य प्रमाण पत्र नहीं · Not a valid certificate"
                    + "</h1><p class=\"msg bad\" id=\"invalid\">इस कोड का कोई प्रमाण पत्र नहीं है। प्रमाण पत्र का QR कोड फिर"
                    + " से स्कैन करें, या कोड ठीक वैसा ही लिखें जैसा छपा है।<span class=\"en\">No certificate has this"
                    + " verification code. Scan the QR code on the certificate again, or type the code exactly as"
                    + " printed.</span></p>");
        }
        CertificateVerification.VerifiedCertificate certificate = found.get();
        String nameHi = catalogue.type(certificate.certificateType()).map(type -> type.names().hi())
                .orElse(certificate.serviceName());
        return CitizenPages.page(HttpStatus.OK, TITLE, "<h1>" + CitizenPages.esc(nameHi) + " <small lang=\"en\">"
                + CitizenPages.esc(certificate.serviceName()) + "</small></h1>"
                + status(certificate) + "<dl>"
                + "<dt>प्रमाण पत्र संख्या · Certificate number</dt><dd>"
                + CitizenPages.esc(certificate.certificateNumber()) + "</dd>"
                + "<dt>जारी करने की तिथि · Issued on</dt><dd>"
                + CitizenPages.esc(DATE_EN.format(certificate.issuedOn())) + "</dd>"
                + "<dt>धारक · Holder</dt><dd>" + CitizenPages.esc(certificate.holder()) + "</dd>"
                + "<dt>जारी करने वाला निकाय · Issued by</dt><dd id=\"issued-by\">"
                + (certificate.issuedByHi() == null ? "" : CitizenPages.esc(certificate.issuedByHi()) + "<br>")
                + CitizenPages.esc(certificate.issuedBy()) + "</dd></dl>"
                + "<p class=\"muted\">कागज़ पर छपी जानकारी से मिलाएँ। · Compare with what the paper says.</p>");
    }
}
