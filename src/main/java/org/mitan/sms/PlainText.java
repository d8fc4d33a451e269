package org.mitan.sms;

import java.util.regex.Pattern;

/**
 * What people typed (a clerk's remarks, a rejection reason, a Mitan's remarks or name), made fit for a citizen's SMS:
 * plain words on one line. Control and invisible characters go (the zero-width joiner and non-joiner that shape
 * Devanagari stay), line breaks become {@code "; "}, addresses of web sites and e-mail addresses become
 * {@value #LINK_REMOVED} (an SMS from the government with a stranger's link in it is a phishing message), markdown's
 * marks ({@code * _ [ ] < > ` # | ~}) go, runs of spaces become one, and the result is at most
 * {@value #MAX_LENGTH} characters. Links the application makes itself (verification, feedback) are not typed and do
 * not pass through here.
 */
public final class PlainText {

    static final int MAX_LENGTH = 160;
    static final String LINK_REMOVED = "(link removed)";

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern LINKS = Pattern.compile(
            "(?i)(?:\\b[a-z][a-z0-9+.\\-]*://|\\bwww\\.)[^\\s()\\[\\]<>;,\"']*|[^\\s@()\\[\\]<>]+@[^\\s@]+\\.[^\\s@()\\[\\]<>;,]+");
    /** A markdown link's parentheses around the removed address. */
    private static final Pattern BRACKETED_LINK = Pattern.compile("\\(\\s*\\(link removed\\)\\s*\\)");
    private static final Pattern MARKDOWN = Pattern.compile("[*_\\[\\]<>`#|~]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PlainText() {
    }

    /** The text as it may go into an SMS; null when nothing is left. */
    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        String text = withoutInvisibles(value.toString());
        text = LINE_BREAKS.matcher(text.strip()).replaceAll("; ");
        text = LINKS.matcher(text).replaceAll(LINK_REMOVED);
        text = BRACKETED_LINK.matcher(text).replaceAll(LINK_REMOVED);
        text = MARKDOWN.matcher(text).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1).strip() + "…";
    }

    /**
     * Control characters other than line breaks and tabs, formatting characters other than the joiners, and
     * characters that are not text left out; line and paragraph separators become line breaks.
     */
    static String withoutInvisibles(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (Character.getType(c)) {
                case Character.CONTROL -> {
                    if (c == '\n' || c == '\r' || c == '\t') {
                        kept.appendCodePoint(c);
                    }
                }
                case Character.FORMAT -> {
                    if (c == 0x200C || c == 0x200D) {
                        kept.appendCodePoint(c);
                    }
                }
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> kept.append('\n');
                case Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> {
                }
                default -> kept.appendCodePoint(c);
            }
        });
        return kept.toString();
    }
}
