package org.mitan.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;

/**
 * The {@code Content-Disposition} of a file the API hands out. HTTP headers are Latin-1: a file name written there
 * as it is ("जन्म-रिपोर्ट.pdf", from a document type an analyst named in Hindi) arrives as question marks or worse.
 * A name that is not plain ASCII goes out as {@code filename*=UTF-8''…} (RFC 6266/8187, which browsers use), with
 * an ASCII {@code filename} beside it for clients that know only that.
 */
public final class Downloads {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private Downloads() {
    }

    /** {@code inline; filename="..."}, with {@code filename*} when the name needs more than ASCII. */
    public static String inline(String fileName) {
        if (plainAscii(fileName)) {
            return ContentDisposition.inline().filename(fileName).build().toString();
        }
        return "inline; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encoded(fileName);
    }

    /** The name with everything but ASCII letters, digits, dot, dash and underscore turned into single dashes. */
    static String asciiFallback(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot < 0 ? fileName : fileName.substring(0, dot);
        String extension = dot < 0 ? "" : fileName.substring(dot).replaceAll("[^A-Za-z0-9.]", "");
        String ascii = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return (ascii.isEmpty() ? "document" : ascii) + extension;
    }

    private static boolean plainAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\');
    }

    private static String encoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
