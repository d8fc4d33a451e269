package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class EngineRestAuthenticationTest {

    private final EngineRestAuthentication.SpringSecurityLogin provider =
            new EngineRestAuthentication.SpringSecurityLogin();

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCheckedLoginIsTheEngineUserWithItsGroupsAndTenants() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("clerk.raipur",
                null, List.of(new SimpleGrantedAuthority("GROUP_clerk-RPR"), new SimpleGrantedAuthority("GROUP_clerk"),
                        new SimpleGrantedAuthority("TENANT_state"), new SimpleGrantedAuthority("ROLE_OTHER"))));

        AuthenticationResult result = provider.extractAuthenticatedUser(null, null);

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthenticatedUser()).isEqualTo("clerk.raipur");
        assertThat(result.getGroups()).containsExactly("clerk-RPR", "clerk");
        // given, so that Camunda's filter does not read them again with a query of its own
        assertThat(result.getTenants()).containsExactly("state");
    }

    @Test
    void noLoginAnAnonymousOneOrAnUncheckedOneIsNoEngineUser() {
        assertThat(provider.extractAuthenticatedUser(null, null).isAuthenticated()).isFalse();

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
        assertThat(provider.extractAuthenticatedUser(null, null).isAuthenticated()).isFalse();

        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken("clerk.raipur", "typed, not checked"));
        assertThat(provider.extractAuthenticatedUser(null, null).isAuthenticated()).isFalse();
    }
}
