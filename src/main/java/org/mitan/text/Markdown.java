package org.mitan.text;

/** Text people typed, made safe to put into markdown that a form renders. */
public final class Markdown {

    private Markdown() {
    }

    /**
     * One line of text with markdown's special characters escaped, so that what a citizen or an officer typed cannot
     * turn into a link, an image, HTML or a heading: no brackets, no tags or entities, and no automatic links either
     * (GitHub-flavoured markdown makes {@code https://...}, {@code www.example.org} and {@code a@b.org} links by
     * themselves, so {@code :}, {@code .} and {@code @} are escaped too). Parentheses alone are harmless. Nothing
     * gives an empty text.
     */
    public static String inline(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        StringBuilder escaped = new StringBuilder(oneLine.length());
        for (char c : oneLine.toCharArray()) {
            if ("\\`*_[]#<>|~!:.@&".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
