package org.mitan.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment gateway's signature on a callback: {@code X-Payment-Signature: sha256=<hex>}, the HMAC-SHA256 of the
 * body's bytes as sent, keyed with the shared secret. Compared in constant time. Without a secret nothing is
 * genuine.
 */
class CallbackSignature {

    static final String HEADER = "X-Payment-Signature";
    static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    /** No secret configured: every signature is wrong. */
    static final CallbackSignature NONE = new CallbackSignature(null);

    private final byte[] secret;

    CallbackSignature(String secret) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code sha256=<hex>} for the body: what the gateway sends (and the tests sign with). */
    static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** Whether the header is the signature of exactly these bytes. */
    boolean genuine(String header, byte[] body) {
        if (secret == null || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    private static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
