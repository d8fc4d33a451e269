package org.mitan.text;

import java.util.Locale;

/**
 * What a refusal quotes of what was sent: enough to recognise it, never all of it. A refusal that repeated a bad
 * value in full grew as large as the value (up to Jackson's 20-million-character string limit for a ward list),
 * and one that repeated it raw carried what it refused onward: a NUL, a line break that starts a forged log line, a
 * direction override that turns the rest of the message around on screen. An excerpt is at most
 * {@value #MAX_CHARS} characters, cut between characters as people see them ({@link Graphemes}) and ending in
 * "…" when cut; control and invisible characters in it are shown by their code ({@code [U+0007]}). The zero-width
 * joiner and non-joiner, which Devanagari uses, stay as they are (see {@link TypedText}).
 */
public final class Excerpt {

    /** The longest excerpt, in Java characters, "…" included. */
    public static final int MAX_CHARS = 80;
    private static final String CUT = "…";

    private Excerpt() {
    }

    /** The excerpt in single quotes, as refusals quote what was sent: {@code 'abc'}; {@code null} for null. */
    public static String quoted(String text) {
        return text == null ? "null" : "'" + of(text) + "'";
    }

    /** The excerpt of the text (see the class); empty for null. */
    public static String of(String text) {
        return text == null ? "" : bounded(text, MAX_CHARS);
    }

    /**
     * The text {@link #visible}, and at most {@code maxChars} long: cut between characters as people see them, with
     * "…" (counted) when cut. Only the first {@code maxChars} characters are looked at, however long the text.
     */
    public static String bounded(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        int end = Math.min(text.length(), maxChars + 1);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        boolean more = end < text.length();
        String shown = visible(text.substring(0, end));
        return shown.length() <= maxChars && !more ? shown : Graphemes.truncate(shown + CUT, maxChars, CUT);
    }

    /**
     * The text with every control, invisible (formatting, line or paragraph separator), unpaired surrogate, private
     * use or unassigned character shown by its code ({@code [U+202E]}), the rest as it is. For messages built by the
     * application, whose own words hold none of them.
     */
    public static String visible(String text) {
        if (text == null || text.codePoints().noneMatch(Excerpt::hidden)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (hidden(c)) {
                shown.append(String.format(Locale.ROOT, "[U+%04X]", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    private static boolean hidden(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                    Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            case Character.FORMAT -> !Graphemes.isJoiner(c);
            default -> false;
        };
    }
}
