package org.mitan.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The code of a request's public status page ({@code /status/{code}}): 24 hex digits (96 bits) of SHA-256 over the
 * request number and its feedback code, a random secret made at registration that only the citizen's SMS carry. It
 * is one-way, so the status link does not give away the feedback link; and it is derived, not drawn, so the
 * migration that added it ({@code V12}) gave earlier requests the same code by the same rule.
 */
public final class StatusCodes {

    static final int LENGTH = 24;
    private static final String CONTEXT = "mitan:status:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StatusCodes() {
    }

    static String of(String requestNumber, String feedbackCode) {
        if (feedbackCode == null || feedbackCode.isBlank()) {
            byte[] bytes = new byte[LENGTH / 2];
            RANDOM.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((CONTEXT + requestNumber + ":" + feedbackCode).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text can be a status code at all (before anything is looked up). */
    public static boolean looksLikeOne(String code) {
        return code != null && code.length() == LENGTH && code.chars()
                .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
