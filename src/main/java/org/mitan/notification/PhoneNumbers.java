package org.mitan.notification;

import java.util.regex.Pattern;

/** Indian mobile numbers as the outbox keeps them (ten digits) and as logs and listings show them (masked). */
final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("[6-9][0-9]{9}");

    private PhoneNumbers() {
    }

    /** Ten digits, without +91, 0 prefix, spaces or dashes; an exception when it is not an Indian mobile. */
    static String normalise(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[\\s()+-]", "");
        if (digits.length() == 12 && digits.startsWith("91")) {
            digits = digits.substring(2);
        } else if (digits.length() == 11 && digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw new IllegalArgumentException("Not an Indian mobile number: " + mask(phone));
        }
        return digits;
    }

    /** First two and last two digits, the rest hidden: {@code 98******10}. */
    static String mask(String phone) {
        if (phone == null || phone.length() < 6) {
            return "******";
        }
        return phone.substring(0, 2) + "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 2);
    }
}
