package org.mitan.text;

import java.util.Locale;
import java.util.Optional;

/**
 * What people type (names, addresses, particulars, comments) is kept as text a person can read: no control
 * characters, which the database refuses or which garble SMS and screens; no invisible formatting characters such
 * as zero-width spaces or bidirectional overrides, which make two different texts look the same; and, for names
 * and addresses, at least one letter. Devanagari is text like any other: its combining vowel signs and viramas are
 * marks, not formatting, and the zero-width joiner and non-joiner that choose a conjunct's shape are kept. But no
 * letter carries more than {@value #MOST_MARKS} marks in a row: Devanagari stacks at most three (a nukta, a vowel
 * sign, a chandrabindu), accented Latin two, and a pile of combining marks ("Zalgo" text) spills over the lines
 * around it on a screen and on the certificate, and hides what is written beneath.
 */
public final class TypedText {

    /** The most combining marks in a row on one letter. */
    static final int MOST_MARKS = 4;

    private TypedText() {
    }

    /**
     * What is wrong with {@code text}, as the rest of a sentence that starts with the field's name ("contains a
     * control character ..."); empty when it is fine or null. Tabs and line breaks are allowed (callers collapse
     * them); {@code needsLetter}: the text must hold at least one letter of any script.
     */
    public static Optional<String> refusal(String text, boolean needsLetter) {
        if (text == null) {
            return Optional.empty();
        }
        boolean letter = false;
        int marks = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\t' || c == '\n' || c == '\r') {
                marks = 0;
                continue;
            }
            marks = Graphemes.isMark(c) ? marks + 1 : 0;
            if (marks > MOST_MARKS) {
                return Optional.of("has more than " + MOST_MARKS + " marks stacked on one letter (" + code(c)
                        + " and those before it); type it again without them");
            }
            switch (Character.getType(c)) {
                case Character.CONTROL -> {
                    return Optional.of("contains a control character (" + code(c) + "), which is not text;"
                            + " type it again without it");
                }
                case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                    if (!Graphemes.isJoiner(c)) {
                        return Optional.of("contains an invisible character (" + code(c) + "); type it again"
                                + " without it");
                    }
                }
                case Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> {
                    return Optional.of("contains a character that is not text (" + code(c) + "); type it again"
                            + " without it");
                }
                default -> letter |= Character.isLetter(c);
            }
        }
        if (needsLetter && !letter && !text.isBlank()) {
            return Optional.of("has no letter in it; type it in Devanagari or Latin letters");
        }
        return Optional.empty();
    }

    private static String code(int c) {
        String name = Character.getName(c);
        return String.format(Locale.ROOT, "U+%04X", c) + (name == null ? "" : " " + name);
    }
}
