package org.mitan.certificate;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.mitan.document.Sha256;
import org.mitan.request.ServiceRequest;

/**
 * The public verification code printed (as a QR code) on a request's certificate: 20 characters from an alphabet
 * without look-alikes (100 bits).
 * <p>
 * It is derived from the request's feedback code, a random secret made at registration and known only to the
 * citizen, rather than drawn afresh on each attempt. A retried issuance must print the same code: a real
 * single-window system answers a repeated idempotency key with the PDF of the first attempt, and if that attempt's
 * transaction rolled back afterwards (the object store was down, say) a fresh code in the row would no longer match
 * the QR code on the PDF. The hash is one-way, so the printed code does not reveal the feedback code.
 */
final class VerificationCodes {

    static final int LENGTH = 20;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String CONTEXT = "mitan:certificate-verification:";

    private VerificationCodes() {
    }

    static String of(ServiceRequest request) {
        if (request.getFeedbackCode() == null || request.getFeedbackCode().isBlank()) {
            throw new IllegalStateException("Request " + request.getRequestNumber()
                    + " has no usable secret to derive its verification code from");
        }
        byte[] digest = Sha256.digest((CONTEXT + request.getRequestNumber() + ":" + request.getFeedbackCode())
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder code = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        int index = 0;
        while (code.length() < LENGTH) {
            if (bits < 5) {
                buffer = (buffer << 8) | (digest[index++] & 0xFF);
                bits += 8;
            }
            code.append(ALPHABET.charAt((buffer >> (bits - 5)) & 0x1F));
            bits -= 5;
        }
        return code.toString();
    }

    /** The code as typed or scanned, in the form stored, or null when it cannot be a code at all. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }
}
