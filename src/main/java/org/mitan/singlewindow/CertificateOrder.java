package org.mitan.singlewindow;

import java.time.Instant;
import java.util.Map;

/** An approved request, ready to become a certificate. */
public record CertificateOrder(
        String requestNumber,
        String submissionReference,
        String certificateType,
        String bodyCode,
        String holderName,
        String address,
        Map<String, Object> particulars,
        String approvedBy,
        String verificationCode,
        String verificationUrl,
        Instant issuedAt) {
}
