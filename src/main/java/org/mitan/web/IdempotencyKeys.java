package org.mitan.web;

import java.util.Map;
import java.util.regex.Pattern;

import org.mitan.failure.Refusal;

/**
 * The {@code Idempotency-Key} a client sends with an upload it may have to send again (the field page's queue makes
 * one per photo when it is taken): the same key again means "the same upload", and gets the first answer.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** In Hindi, after a refusal of a key sent before with another file: what the Mitan does. */
    public static final String USED_FOR_ANOTHER_FILE = "भेजने की यह कुंजी दूसरी फ़ाइल के लिए इस्तेमाल हो चुकी है;"
            + " कुछ जमा नहीं हुआ। फ़ोटो फिर से लें।";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private IdempotencyKeys() {
    }

    /** The key as sent; 400 naming the header when it cannot be one. */
    public static String check(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw Refusal.invalid(Map.of(HEADER, "must be 8 to 64 letters, digits, '-' or '_': a new random key"
                    + " for each upload (e.g. a UUID), and the same key when sending that upload again / भेजने की"
                    + " कुंजी सही नहीं है: फ़ोटो फिर से लें"));
        }
        return key;
    }
}
