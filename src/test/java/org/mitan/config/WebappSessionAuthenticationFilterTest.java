package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The webapp session stands for its user on {@code /api}: for reads always, for writes only with its CSRF token. */
class WebappSessionAuthenticationFilterTest {

    private static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    private static MockHttpSession loggedIn() {
        UserAuthentication user = new UserAuthentication("mitan.raipur", "default");
        user.setGroupIds(List.of("mitan-RPR"));
        Authentications authentications = new Authentications();
        authentications.addOrReplace(user);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("authenticatedUser", authentications);
        session.setAttribute(WebappSessionAuthenticationFilter.CSRF_TOKEN_SESSION_ATTRIBUTE, TOKEN);
        return session;
    }

    private static Authentication caller(String method, String token) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/requests/RPR-2026-000001/documents");
        request.setSession(loggedIn());
        if (token != null) {
            request.addHeader("X-XSRF-TOKEN", token);
        }
        AtomicReference<Authentication> seen = new AtomicReference<>();
        new WebappSessionAuthenticationFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
        SecurityContextHolder.clearContext();
        return seen.get();
    }

    @Test
    void aReadNeedsOnlyTheSession() throws Exception {
        Authentication caller = caller("GET", null);
        assertThat(caller.getName()).isEqualTo("mitan.raipur");
        assertThat(caller.getAuthorities()).extracting(Object::toString).containsExactly("GROUP_mitan-RPR");
    }

    @Test
    void aWriteNeedsTheSessionsOwnToken() throws Exception {
        assertThat(caller("POST", null)).as("no token").isNull();
        assertThat(caller("POST", "")).as("empty token").isNull();
        assertThat(caller("POST", TOKEN.toLowerCase())).as("another token").isNull();
        assertThat(caller("DELETE", "F" + TOKEN.substring(1))).as("another token").isNull();
        assertThat(caller("POST", TOKEN).getName()).isEqualTo("mitan.raipur");
    }
}
