package org.mitan.municipality;

import java.util.Locale;
import java.util.Map;

import org.mitan.text.Digits;
import org.mitan.text.PhoneNumbers;
import org.mitan.text.TypedText;

/**
 * Reading the administration API's text fields: each method returns the value in stored form, or null and puts
 * what is wrong under the field's name, so that one refusal can name every bad field. A field that is left out
 * (null) is not an error here; a field that is sent blank is.
 */
public final class AdminInput {

    public static final int MAX_NAME_LENGTH = 100;

    private AdminInput() {
    }

    /** The text without surrounding blanks; null when missing or blank. */
    public static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * A required name: single-spaced, at most {@value #MAX_NAME_LENGTH} characters, with a letter and without control
     * or invisible characters (see {@link TypedText}).
     */
    public static String name(String text, String field, Map<String, String> errors) {
        String name = trimmed(text);
        if (name == null) {
            errors.put(field, "is required");
            return null;
        }
        String refusal = TypedText.refusal(name, true).orElse(null);
        if (refusal != null) {
            errors.put(field, refusal);
            return null;
        }
        name = name.replaceAll("\\s+", " ");
        if (name.length() > MAX_NAME_LENGTH) {
            errors.put(field, "must be at most " + MAX_NAME_LENGTH + " characters");
            return null;
        }
        return name;
    }

    /** An Indian mobile number reduced to its ten digits (see {@link PhoneNumbers}); null when left out. */
    public static String mobile(String text, String field, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        return PhoneNumbers.normalise(text).orElseGet(() -> {
            errors.put(field, PhoneNumbers.refusal(text).orElseThrow());
            return null;
        });
    }

    /** {@code true} or {@code false}; null when left out. */
    public static Boolean flag(String text, String field, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.put(field, "must be true or false");
                yield null;
            }
        };
    }

    /** A whole number from {@code min} to {@code max}; null when left out. */
    public static Integer number(String text, int min, int max, String field, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        String value = Digits.latin(text.strip());
        if (value.matches("\\d{1,6}")) {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        }
        errors.put(field, "must be a whole number from " + min + " to " + max);
        return null;
    }
}
