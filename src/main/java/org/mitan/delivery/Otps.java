package org.mitan.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Delivery OTPs: six random digits, compared in constant time, never stored or logged. What is kept:
 * <ul>
 * <li>with an OTP key ({@code mitan.delivery.otp-key}, {@code MITAN_OTP_KEY}): {@code hmac:<salt>:<mac>}, the
 * HMAC-SHA256 of a random salt and the OTP under that key (Base64). A copy of the database alone does not give the
 * OTP back: the key is not in it. The dev and test profiles use a development key when none is set;</li>
 * <li>without one: {@code <salt>:<hash>}, PBKDF2-HMAC-SHA256 with a random salt. Six digits are a million guesses
 * however slow each one is, so this is the weaker of the two, and costs 4 ms of CPU each time an OTP is made or
 * checked.</li>
 * </ul>
 * Both forms are checked whichever one new OTPs get, so OTPs sent before the key was set still work; a keyed one
 * matches only under the key it was made with.
 */
@Component
class Otps {

    /** Known to everyone who reads this: used only by the dev and test profiles. */
    static final String DEVELOPMENT_KEY = "mitan-development-delivery-otp-key-not-for-production";
    static final int SHORTEST_KEY = 32;

    private static final String KEYED = "hmac";
    private static final String MAC = "HmacSHA256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 20_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private static final Logger log = LoggerFactory.getLogger(Otps.class);

    private final SecureRandom random;
    /** {@code null}: new OTPs are hashed with PBKDF2. */
    private final SecretKeySpec key;

    /** Without a key: PBKDF2 only. */
    Otps() {
        this(new SecureRandom(), null);
    }

    Otps(SecureRandom random) {
        this(random, null);
    }

    @Autowired
    Otps(@Value("${mitan.delivery.otp-key:}") String key, Environment environment) {
        this(new SecureRandom(), keyFor(key, environment));
    }

    Otps(SecureRandom random, String key) {
        if (key != null && key.length() < SHORTEST_KEY) {
            throw new IllegalArgumentException("MITAN_OTP_KEY is " + key.length() + " characters long; it needs at "
                    + "least " + SHORTEST_KEY + " (for example: openssl rand -base64 32). See README.md, Configuration.");
        }
        this.random = random;
        this.key = key == null ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), MAC);
    }

    private static String keyFor(String configured, Environment environment) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (environment.acceptsProfiles(Profiles.of("dev | test"))) {
            log.warn("Delivery OTPs are hashed with the development key: set MITAN_OTP_KEY");
            return DEVELOPMENT_KEY;
        }
        log.warn("MITAN_OTP_KEY is not set: delivery OTPs are hashed with PBKDF2, which is slower and, for six digits, "
                + "weaker against a copy of the database than a key kept outside it (see README.md, Configuration)");
        return null;
    }

    /** Six digits, leading zeros kept. */
    String generate() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    String hash(String otp) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        if (key == null) {
            return base64.encodeToString(salt) + ":" + base64.encodeToString(derive(otp, salt));
        }
        return KEYED + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(mac(key, otp, salt));
    }

    /**
     * Whether {@code otp} is the one behind {@code stored}, in either form; a malformed {@code stored}, or a keyed
     * one when this node has no key, matches nothing.
     */
    boolean matches(String otp, String stored) {
        if (otp == null || stored == null) {
            return false;
        }
        String[] parts = stored.split(":", -1);
        boolean keyed = parts.length == 3 && parts[0].equals(KEYED);
        if (!(keyed || parts.length == 2) || (keyed && key == null)) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(parts[parts.length - 2]);
            expected = Base64.getDecoder().decode(parts[parts.length - 1]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (salt.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(expected, keyed ? mac(key, otp, salt) : derive(otp, salt));
    }

    private static byte[] mac(SecretKeySpec key, String otp, byte[] salt) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(salt);
            return mac.doFinal(otp.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " is not available", e);
        }
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
