package org.mitan.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text as people see it: user-perceived characters (grapheme clusters), not Java {@code char}s or code points. A
 * Devanagari syllable such as प्रि (four code points) or a letter with a combining accent is one of them, and so is
 * an emoji (two {@code char}s). Whatever cuts, shortens or masks text a person will read cuts between them, never
 * inside: half a cluster shows as a dangling vowel sign, a broken conjunct or, for a split surrogate pair, as text
 * that JSON writers and databases refuse.
 * <p>
 * Built on {@link BreakIterator#getCharacterInstance()}, with what Java 17's rules lack: a cluster that starts
 * with a combining mark or a joiner is joined to the one before it, and so is a cluster that follows a virama
 * (Unicode 15.1's rule GB9c: a conjunct such as क्ष्म in लक्ष्मी is one cluster, where the JDK cuts it after the
 * second virama).
 */
public final class Graphemes {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    /** The viramas that link consonants into a conjunct (Indic_Conjunct_Break=Linker), Devanagari's first. */
    private static final String VIRAMAS = "\u094D\u09CD\u0ACD\u0B4D\u0C4D\u0D4D";

    private Graphemes() {
    }

    /** The clusters of the text, in order; empty for null or empty text. */
    public static List<String> of(String text) {
        List<String> clusters = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return clusters;
        }
        BreakIterator breaks = BreakIterator.getCharacterInstance(Locale.ROOT);
        breaks.setText(text);
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String cluster = text.substring(start, end);
            if (!clusters.isEmpty() && (continues(cluster.codePointAt(0)) || endsInVirama(clusters))) {
                clusters.set(clusters.size() - 1, clusters.get(clusters.size() - 1) + cluster);
            } else {
                clusters.add(cluster);
            }
        }
        return clusters;
    }

    /**
     * The text cut to at most {@code maxChars} Java chars at a cluster boundary, with {@code ellipsis} appended
     * when it was cut (the ellipsis counts towards the limit). The text itself when it fits.
     */
    public static String truncate(String text, int maxChars, String ellipsis) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int room = maxChars - ellipsis.length();
        StringBuilder kept = new StringBuilder();
        for (String cluster : of(text)) {
            if (kept.length() + cluster.length() > room) {
                break;
            }
            kept.append(cluster);
        }
        return kept.toString().strip() + ellipsis;
    }

    private static boolean endsInVirama(List<String> clusters) {
        String last = clusters.get(clusters.size() - 1);
        return VIRAMAS.indexOf(last.charAt(last.length() - 1)) >= 0;
    }

    private static boolean continues(int codePoint) {
        return isMark(codePoint) || isJoiner(codePoint);
    }

    /** A combining mark: a vowel sign, a virama, a nukta, an accent. */
    static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** The zero-width joiner or non-joiner, which choose a conjunct's shape in Devanagari: text, not formatting. */
    static boolean isJoiner(int codePoint) {
        return codePoint == ZERO_WIDTH_JOINER || codePoint == ZERO_WIDTH_NON_JOINER;
    }
}
