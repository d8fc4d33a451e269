package org.mitan.delivery;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.stereotype.Component;

/**
 * Delivery OTPs: six random digits, kept only as {@code <salt>:<hash>} (PBKDF2-HMAC-SHA256 with a random salt per
 * OTP, both Base64), compared in constant time. The OTP itself is never stored or logged.
 */
@Component
class Otps {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 20_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random;

    Otps() {
        this(new SecureRandom());
    }

    Otps(SecureRandom random) {
        this.random = random;
    }

    /** Six digits, leading zeros kept. */
    String generate() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    String hash(String otp) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return base64.encodeToString(salt) + ":" + base64.encodeToString(derive(otp, salt));
    }

    /** Whether {@code otp} is the one behind {@code stored}; a malformed {@code stored} matches nothing. */
    boolean matches(String otp, String stored) {
        if (otp == null || stored == null) {
            return false;
        }
        int colon = stored.indexOf(':');
        if (colon < 1) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(stored.substring(0, colon));
            expected = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, derive(otp, salt));
    }

    private static byte[] derive(String otp, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(otp.toCharArray(), salt, ITERATIONS, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
