package org.mitan.text;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A person's name as shown to anyone who holds only a link or a QR code: the first letter of each word. */
public final class MaskedNames {

    private MaskedNames() {
    }

    /**
     * "Asha Verma" becomes "A*** V****": the first character of each word as people see it, one asterisk for
     * each further one. In Devanagari the first character is a whole syllable: "रीना प्रिया" becomes "री* प्रि*",
     * never a consonant without its vowel sign.
     */
    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return Arrays.stream(name.strip().split("\\s+"))
                .map(word -> {
                    List<String> characters = Graphemes.of(word);
                    return characters.get(0) + "*".repeat(characters.size() - 1);
                })
                .collect(Collectors.joining(" "));
    }
}
