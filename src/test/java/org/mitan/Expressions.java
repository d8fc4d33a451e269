package org.mitan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the JUEL expressions ({@code ${...}}, {@code #{...}}) written in model attributes and texts. */
final class Expressions {

    /** An identifier at the start of a navigation or a call: {@code serviceLevels.}, {@code dateTime(}. */
    private static final Pattern ROOT = Pattern.compile("(?<![\\w.$#])([A-Za-z_][A-Za-z0-9_]*)\\s*([.(\\[])");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "empty", "div", "mod", "instanceof", "true", "false", "null");

    private Expressions() {
    }

    /** The bodies of the expressions in a text, without their {@code ${} and {@code }}. */
    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        int at = 0;
        while (at < text.length() - 1) {
            char c = text.charAt(at);
            if ((c == '$' || c == '#') && text.charAt(at + 1) == '{') {
                int end = closingBrace(text, at + 2);
                if (end < 0) {
                    found.add(text.substring(at + 2));
                    return found;
                }
                found.add(text.substring(at + 2, end));
                at = end + 1;
            } else {
                at++;
            }
        }
        return found;
    }

    /**
     * The names an expression navigates from or calls, string literals left out: {@code serviceLevels} and
     * {@code execution} in {@code serviceLevels.scrutinyGroup(execution)} are not both roots, only
     * {@code serviceLevels} is; {@code dateTime} in {@code dateTime().plusDays(2)} is a root called as a function.
     */
    static Set<Root> roots(String expression) {
        Matcher matcher = ROOT.matcher(withoutStrings(expression));
        Set<Root> roots = new LinkedHashSet<>();
        while (matcher.find()) {
            if (!KEYWORDS.contains(matcher.group(1))) {
                roots.add(new Root(matcher.group(1), "(".equals(matcher.group(2))));
            }
        }
        return roots;
    }

    record Root(String name, boolean called) {
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutStrings(String expression) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                    out.append(c);
                }
            } else {
                if (c == '\'' || c == '"') {
                    quote = c;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
