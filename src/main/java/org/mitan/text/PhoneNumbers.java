package org.mitan.text;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Indian mobile numbers as people say and type them, reduced to the ten digits SMS gateways expect. The one rule
 * for every phone the application takes (citizens, Mitans, supervisors) and for every SMS it sends.
 */
public final class PhoneNumbers {

    /** What is accepted, in words for refusals. */
    public static final String RULE = "10 digits starting with 6, 7, 8 or 9; +91 or 0 in front is fine";

    private static final Pattern MOBILE = Pattern.compile("[6-9][0-9]{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");
    /**
     * Written as a landline is: the trunk prefix 0, an STD code of two to four digits as a group of its own, then
     * the subscriber's number ({@code 0771-2345678}, {@code 0771 2345678}, {@code 011 23456789}). Stripped of the 0
     * such a number can look like a mobile ({@code 7712345678}), and SMS would go to a stranger.
     */
    private static final Pattern LANDLINE = Pattern.compile("0(\\d{2,4})[\\s\\-]+\\d[\\d\\s\\-]*");

    private PhoneNumbers() {
    }

    /**
     * The ten-digit mobile number, accepting a {@code +91}, {@code 91} or {@code 0} prefix, spaces or dashes
     * anywhere and digits of any script ({@link Digits}, "९८७६५४३२१०" from a Hindi keyboard); empty when the text is
     * not an Indian mobile number or is written as a landline number.
     */
    public static Optional<String> normalise(String typed) {
        String text = Digits.latin(typed);
        if (text == null || looksLikeLandline(text)) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(text).replaceAll("");
        if (digits.startsWith("+91")) {
            digits = digits.substring(3);
        } else if (digits.length() == 12 && digits.startsWith("91")) {
            digits = digits.substring(2);
        } else if (digits.length() == 11 && digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /**
     * Why {@code text} is refused, as the rest of a sentence that starts with the field's name ("is not an Indian
     * mobile number ..."); empty when it is an Indian mobile number.
     */
    public static Optional<String> refusal(String typed) {
        if (normalise(typed).isPresent()) {
            return Optional.empty();
        }
        String text = Digits.latin(typed);
        if (text != null && looksLikeLandline(text)) {
            String std = LANDLINE.matcher(text.strip()).replaceFirst("0$1");
            return Optional.of("looks like a landline number (STD code " + std + "); SMS can only go to a mobile"
                    + " number: " + RULE);
        }
        return Optional.of("is not an Indian mobile number (" + RULE + ")");
    }

    private static boolean looksLikeLandline(String text) {
        return LANDLINE.matcher(text.strip()).matches();
    }
}
