package org.mitan.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mitan.text.Excerpt;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery guard. A browser that once answered the 401's Basic challenge keeps sending the
 * credentials, also with a form that another site makes it post. So every write (POST, PUT, PATCH, DELETE), on
 * every path however it is spelled, is refused with 403 when the browser says it comes from another site:
 * {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} whose host or port is not this server's (an opaque
 * {@code Origin: null} included). The decision does not depend on the path: a guard that looks for
 * {@code /api/} in the request URI is passed by {@code /%61pi/}, which the servlet container decodes to the same
 * address. Callers that send neither header (the Mitans' tablets, Camunda Modeler, scripts) pass; so do pages of
 * this server, the Camunda webapps' own writes included.
 * <p>
 * Behind a proxy that terminates TLS, let the application see the public scheme and port (for example
 * {@code server.forward-headers-strategy=native}), or same-site browser writes are refused too.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

    private final ObjectMapper json;

    CrossSiteRequestFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            SecurityConfiguration.writeProblem(response, json, HttpStatus.FORBIDDEN, "Cross-site request refused",
                    refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the request is refused, or null when it may pass. */
    static String refusal(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader(SEC_FETCH_SITE))) {
            return "Your browser sent this " + request.getMethod() + " from another web site, which may not"
                    + " change anything here. Open this application's own page and do it there.";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameServer(origin, request)) {
            return "This " + request.getMethod() + " comes from a page of " + Excerpt.of(origin)
                    + ", not of this server, and may not change anything here. Open this application's own page and do"
                    + " it there.";
        }
        return null;
    }

    private static boolean sameServer(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        int originPort = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
        return uri.getHost().equalsIgnoreCase(request.getServerName()) && originPort == request.getServerPort();
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
