package org.mitan.singlewindow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An approved request, ready to become a certificate, with the fees it paid online (their receipts). */
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
        Instant issuedAt,
        List<PaidFee> feesPaid) {

    public CertificateOrder {
        feesPaid = feesPaid == null ? List.of() : List.copyOf(feesPaid);
    }

    /** An order of a request that paid no fee online. */
    public CertificateOrder(String requestNumber, String submissionReference, String certificateType,
            String bodyCode, String holderName, String address, Map<String, Object> particulars, String approvedBy,
            String verificationCode, String verificationUrl, Instant issuedAt) {
        this(requestNumber, submissionReference, certificateType, bodyCode, holderName, address, particulars,
                approvedBy, verificationCode, verificationUrl, issuedAt, List.of());
    }
}
