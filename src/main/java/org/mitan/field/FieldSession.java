package org.mitan.field;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /field/session}: whether the browser's Camunda webapp session is logged in, and the session's CSRF token,
 * which the field page sends in {@code X-XSRF-TOKEN} with every write (the webapps' login and task API, and the
 * application's upload and OTP API). The webapps' own filter hands the token out only once, in a header of the
 * answer that created it, and its cookie is limited to {@code /camunda}; a page under {@code /field/} that is
 * reloaded, or that has just logged in (the login renews the session), asks here. Only a page of this server can
 * read the answer (no cross-origin reads are allowed), so the token stays with it. A session without a token gets
 * one made the way the webapps make theirs, so the login form has one to send.
 */
@RestController
class FieldSession {

    static final String CSRF_TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    private static final String ENGINE = "default";

    private final SecureRandom random = new SecureRandom();

    record SessionView(boolean loggedIn, String userId, String csrfToken) {
    }

    @GetMapping("/field/session")
    ResponseEntity<SessionView> session(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token;
        synchronized (this) {
            Object existing = session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE);
            if (existing instanceof String text && !text.isBlank()) {
                token = text;
            } else {
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                token = HexFormat.of().withUpperCase().formatHex(bytes);
                session.setAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE, token);
            }
        }
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        Authentication user = all == null ? null : all.getAuthenticationForProcessEngine(ENGINE);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new SessionView(user != null, user == null ? null : user.getName(), token));
    }
}
