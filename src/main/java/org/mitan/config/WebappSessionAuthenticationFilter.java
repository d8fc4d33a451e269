package org.mitan.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.mitan.web.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged into the Camunda webapps (Tasklist, Cockpit, or the Mitans' field page, which logs in the same
 * way) call {@code /api/**} without logging in again: for calls without an Authorization header, the Camunda webapp
 * session of the default engine stands for the user. Safe calls (GET/HEAD: the links in a task form) need nothing
 * more. A write (the field page's scan upload, a new OTP) counts the session only when it carries the session's
 * CSRF token in {@code X-XSRF-TOKEN}, as the webapps' own writes do: a page of another site cannot read that
 * token, so it cannot make the browser write with the session. Without it, a write needs explicit credentials.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE = "default";
    /** Where the Camunda webapps' CSRF filter keeps the session's token ({@code CsrfConstants}). */
    static final String CSRF_TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    static final String CSRF_TOKEN_HEADER = "X-XSRF-TOKEN";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() == null
                && (isSafe(request) || carriesSessionToken(request, session))) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication user = authentications == null ? null
                    : authentications.getAuthenticationForProcessEngine(ENGINE);
            if (user instanceof UserAuthentication userAuthentication) {
                List<SimpleGrantedAuthority> authorities = userAuthentication.getGroupIds() == null ? List.of()
                        : userAuthentication.getGroupIds().stream()
                                .map(group -> new SimpleGrantedAuthority(Caller.AUTHORITY_PREFIX + group))
                                .toList();
                SecurityContextHolder.getContext().setAuthentication(
                        new UsernamePasswordAuthenticationToken(userAuthentication.getName(), null, authorities));
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isSafe(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** The header holds the session's CSRF token (compared in constant time). */
    static boolean carriesSessionToken(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(CSRF_TOKEN_HEADER);
        Object expected = session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE);
        if (sent == null || sent.isBlank() || !(expected instanceof String token) || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
