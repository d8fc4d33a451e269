package org.mitan.sms;

/**
 * Indian mobile numbers as the outbox keeps them (ten digits, by the rule registration validates with:
 * {@link org.mitan.text.PhoneNumbers}) and as logs and listings show them (masked).
 */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * Ten digits, as {@link org.mitan.text.PhoneNumbers#normalise} reads them; an exception naming only the
     * masked number when it is not an Indian mobile.
     */
    static String normalise(String phone) {
        return org.mitan.text.PhoneNumbers.normalise(phone).orElseThrow(() ->
                new IllegalArgumentException("Not an Indian mobile number: " + mask(phone)));
    }

    /** First two and last two digits, the rest hidden: {@code 98******10}. */
    static String mask(String phone) {
        if (phone == null || phone.length() < 6) {
            return "******";
        }
        return phone.substring(0, 2) + "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 2);
    }
}
