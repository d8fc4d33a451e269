package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

class CamundaIdentityAuthenticationProviderTest {

    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    private final CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identity,
            new CheckedLogins(Duration.ofSeconds(30), Clock.systemUTC()));

    CamundaIdentityAuthenticationProviderTest() {
        Group clerks = mock(Group.class);
        when(clerks.getId()).thenReturn("clerk-RPR");
        when(identity.createGroupQuery().groupMember("clerk.raipur").list()).thenReturn(List.of(clerks));
        Tenant state = mock(Tenant.class);
        when(state.getId()).thenReturn("state");
        when(identity.createTenantQuery().userMember("clerk.raipur").includingGroupsOfUser(true).list())
                .thenReturn(List.of(state));
        when(identity.checkPassword("clerk.raipur", "demo")).thenReturn(true);
    }

    @Test
    void aLoginIsCheckedOnceAndThenTakenWithItsGroupsAndTenants() {
        Authentication first = provider.authenticate(login("clerk.raipur", "demo"));
        Authentication second = provider.authenticate(login("clerk.raipur", "demo"));

        verify(identity, times(1)).checkPassword("clerk.raipur", "demo");
        assertThat(second.getName()).isEqualTo("clerk.raipur");
        assertThat(second.getCredentials()).isNull();
        assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("GROUP_clerk-RPR", "TENANT_state")
                .isEqualTo(first.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndRefused() {
        provider.authenticate(login("clerk.raipur", "demo"));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("clerk.raipur", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        verify(identity, times(2)).checkPassword("clerk.raipur", "guess");
    }

    private static UsernamePasswordAuthenticationToken login(String userId, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(userId, password);
    }
}
