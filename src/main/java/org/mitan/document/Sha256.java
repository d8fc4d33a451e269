package org.mitan.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the fingerprint of scans and certificates (object keys, stored checksums, verification codes), in one
 * place: lower-case hex as stored in the database and used in object keys.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The SHA-256 of the bytes as 64 lower-case hex digits. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    /** The SHA-256 of the bytes, raw (32 bytes). */
    public static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** A fresh SHA-256 digest, for content read in pieces; finish it with {@link #hexOf(MessageDigest)}. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Completes the digest and gives it as 64 lower-case hex digits. */
    public static String hexOf(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
