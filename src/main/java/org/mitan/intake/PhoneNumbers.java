package org.mitan.intake;

import java.util.Optional;
import java.util.regex.Pattern;

/** Indian mobile numbers as people say and type them, reduced to the ten digits SMS gateways expect. */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("[6-9][0-9]{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");

    private PhoneNumbers() {
    }

    /**
     * The ten-digit mobile number, accepting a {@code +91}, {@code 91} or {@code 0} prefix and spaces or dashes
     * anywhere; empty when the text is not an Indian mobile number.
     */
    public static Optional<String> normalise(String text) {
        if (text == null) {
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
}
