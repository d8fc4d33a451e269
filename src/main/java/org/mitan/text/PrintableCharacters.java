package org.mitan.text;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a certificate can print. Intake and the particulars form refuse a name, an address or a particular with a
 * character the certificate cannot print (another script than Latin or Devanagari, an emoji), while the person who
 * typed it is still there to correct it: accepted, it would stop the request at the certificate, after the
 * citizen's visit, scrutiny and the decision. The certificate's fonts answer (package {@code singlewindow}).
 */
@FunctionalInterface
public interface PrintableCharacters {

    /** The first character of the text that the certificate cannot print; empty when it can print all of it. */
    OptionalInt firstUnprintable(String text);

    /** What is wrong with the text, as the rest of a sentence that starts with the field's name; empty if nothing. */
    default Optional<String> refusal(String text) {
        OptionalInt unprintable = firstUnprintable(text);
        if (unprintable.isEmpty()) {
            return Optional.empty();
        }
        int c = unprintable.getAsInt();
        String name = Character.getName(c);
        return Optional.of("has a character the certificate cannot print: '" + new String(Character.toChars(c))
                + "' (" + String.format(Locale.ROOT, "U+%04X", c) + (name == null ? "" : " " + name)
                + "); write it in Devanagari or Latin letters");
    }
}
