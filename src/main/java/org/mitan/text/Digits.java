package org.mitan.text;

/**
 * Numbers as people type them: a Hindi keyboard (InScript, or a phone's Hindi layout) types Devanagari digits,
 * "९८७६५४३२१०", where a number field means 9876543210. Every decimal digit of any script is read as its Latin
 * digit, so a phone number, a ward, a UPI reference or an OTP typed so is taken, and kept and sent as Latin digits
 * (SMS gateways, banks and the certificate's verification read those).
 */
public final class Digits {

    private Digits() {
    }

    /** {@code text} with every decimal digit of any script written as its Latin digit; null stays null. */
    public static String latin(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder latin = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (c > '9' && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                if (latin == null) {
                    latin = new StringBuilder(text.length()).append(text, 0, i);
                }
                latin.append((char) ('0' + Character.digit(c, 10)));
            } else if (latin != null) {
                latin.appendCodePoint(c);
            }
            i += width;
        }
        return latin == null ? text : latin.toString();
    }
}
