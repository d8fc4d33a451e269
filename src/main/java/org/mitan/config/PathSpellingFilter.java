package org.mitan.config;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400, an address that percent-encodes a letter, a digit or one of {@code - . _ ~}: such characters
 * have a plain spelling (RFC 3986, section 2.3), no browser or client of ours encodes them, and an address spelled
 * so ({@code /%61pi/...}, {@code /%65ngine-rest/...}) is a way to make two parts of the server disagree about which
 * address was asked for: the container decodes it, a check on the raw URI does not. Percent-encoded text in other
 * scripts (UTF-8 bytes) and reserved characters are untouched.
 */
class PathSpellingFilter extends OncePerRequestFilter {

    private static final Pattern ENCODED = Pattern.compile("%([0-9A-Fa-f]{2})");

    private final ObjectMapper json;

    PathSpellingFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request.getRequestURI());
        if (refusal != null) {
            SecurityConfiguration.writeProblem(response, json, HttpStatus.BAD_REQUEST, "Oddly spelled address",
                    refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the raw (undecoded) path is refused, or null when every percent-encoding in it is needed. */
    static String refusal(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        Matcher matcher = ENCODED.matcher(rawPath);
        while (matcher.find()) {
            char c = (char) Integer.parseInt(matcher.group(1), 16);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                return "The address spells '" + c + "' as " + matcher.group() + "; write letters, digits and - . _ ~"
                        + " as themselves and send the request again.";
            }
        }
        return null;
    }
}
