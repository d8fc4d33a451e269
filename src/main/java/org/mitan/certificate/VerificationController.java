package org.mitan.certificate;

import java.util.Map;

import org.mitan.failure.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /verify/{code}}, public (the certificate's QR code opens it): whether the certificate is genuine.
 * An unknown code is a 404 problem with {@code valid: false}.
 */
@RestController
class VerificationController {

    private final CertificateVerification verification;

    VerificationController(CertificateVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify/{code}")
    CertificateVerification.VerifiedCertificate verify(@PathVariable String code) {
        return verification.verify(code).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                "Not a valid certificate", "No certificate has this verification code. Scan the QR code on the "
                        + "certificate again, or type the code exactly as printed.", Map.of("valid", false)));
    }
}
